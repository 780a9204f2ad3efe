'use client'

import type { registerBodySchema } from '@taskwise/contracts/password-bodies'
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import type { z } from 'zod'
import { Button } from '@/components/ui/button'
import { errorAria, Field, FieldError } from '@/components/ui/field'
import { FormAlert } from '@/components/ui/form-alert'
import { Input } from '@/components/ui/input'
import { Label } from '@/components/ui/label'
import { ApiError } from '@/lib/problem-error'
import { safeNextPath } from '@/lib/safe-next'
import { register } from '../api/register'
import { applyServerErrors } from '../form-errors'
import {
  policyResolver,
  preloadPasswordPolicy,
  unmetPasswordSentence,
  usePasswordPolicy,
} from '../password-policy'
import { PasswordChecklist } from './password-checklist'
import { PasswordInput } from './password-input'
import { StrengthMeter } from './strength-meter'

type RegisterInput = z.input<typeof registerBodySchema>
type RegisterOutput = z.output<typeof registerBodySchema>

const FIELDS = ['email', 'password', 'name'] as const

const resolver = policyResolver((policy) => policy.registerBodySchema)

/**
 * The sign-up form: the policy's rules as a live checklist, zxcvbn's strength meter. The policy's
 * word lists load when the form is first focused, not with the page (../password-policy.ts).
 */
export function RegisterForm({ next }: { next?: string | undefined }) {
  const router = useRouter()
  const policy = usePasswordPolicy()
  const [formError, setFormError] = useState<string>()
  const [emailTaken, setEmailTaken] = useState(false)
  // Between a successful sign-up and the next page, the button stays busy.
  const [leaving, setLeaving] = useState(false)
  const form = useForm<RegisterInput, unknown, RegisterOutput>({
    resolver,
    defaultValues: { name: '', email: '', password: '' },
    // Quiet while typing the first time; once a submit has shown errors, they follow the typing.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  })
  const {
    formState: { errors, isSubmitting },
  } = form
  const [password = '', email = '', name = ''] = useWatch({
    control: form.control,
    name: ['password', 'email', 'name'],
  })

  async function onSubmit(values: RegisterOutput) {
    setFormError(undefined)
    setEmailTaken(false)
    try {
      await register({
        email: values.email,
        password: values.password,
        ...(values.name ? { name: values.name } : {}),
      })
    } catch (error) {
      setEmailTaken(error instanceof ApiError && error.status === 409)
      setFormError(applyServerErrors(error, FIELDS, form.setError))
      return
    }
    setLeaving(true)
    router.replace(safeNextPath(next))
    router.refresh()
  }

  // zod reports every unmet rule; the sentence under the field names them all at once, and it
  // follows the typing (the checklist below shows the same rules one by one).
  const passwordError =
    errors.password?.type === 'server'
      ? errors.password.message
      : errors.password
        ? unmetPasswordSentence(password, policy)
        : undefined
  const busy = isSubmitting || leaving
  const loginHref = next ? `/login?${new URLSearchParams({ next })}` : '/login'

  return (
    <form
      noValidate
      onSubmit={form.handleSubmit(onSubmit)}
      onFocus={preloadPasswordPolicy}
      className="grid gap-5"
      aria-label="Create an account"
    >
      <FormAlert message={formError} />
      <Field>
        <Label htmlFor="register-name">
          Name <span className="font-normal text-muted-foreground">(optional)</span>
        </Label>
        <Input
          id="register-name"
          autoComplete="name"
          {...errorAria('register-name-error', Boolean(errors.name))}
          {...form.register('name')}
        />
        <FieldError id="register-name-error" message={errors.name?.message} />
      </Field>
      <Field>
        <Label htmlFor="register-email">Email</Label>
        <Input
          id="register-email"
          type="email"
          autoComplete="email"
          inputMode="email"
          {...errorAria('register-email-error', Boolean(errors.email))}
          {...form.register('email')}
        />
        <FieldError id="register-email-error" message={errors.email?.message} />
        {emailTaken && errors.email ? (
          <p className="text-sm">
            <Link href={loginHref} className="font-medium underline underline-offset-4">
              Sign in instead
            </Link>
          </p>
        ) : null}
      </Field>
      <Field>
        <Label htmlFor="register-password">Password</Label>
        <PasswordInput
          id="register-password"
          autoComplete="new-password"
          aria-invalid={passwordError ? true : undefined}
          aria-describedby={
            passwordError
              ? 'register-password-error register-password-rules'
              : 'register-password-rules'
          }
          {...form.register('password')}
        />
        <FieldError id="register-password-error" message={passwordError} />
        <StrengthMeter password={password} userInputs={[email, name]} />
        <PasswordChecklist id="register-password-rules" password={password} />
      </Field>
      <Button type="submit" size="lg" disabled={busy}>
        {busy ? 'Creating your account…' : 'Create account'}
      </Button>
    </form>
  )
}
