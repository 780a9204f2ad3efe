'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { registerBodySchema } from '@taskwise/contracts/auth-payloads'
import { passwordRuleMessage, unmetPasswordRules } from '@taskwise/contracts/password'
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import type { z } from 'zod'
import { Button } from '@/components/ui/button'
import { Field, FieldError } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { Label } from '@/components/ui/label'
import { safeNextPath } from '@/lib/safe-next'
import { register } from '../api/register'
import { applyServerErrors } from '../form-errors'
import { PasswordChecklist } from './password-checklist'
import { PasswordInput } from './password-input'
import { StrengthMeter } from './strength-meter'

type RegisterInput = z.input<typeof registerBodySchema>
type RegisterOutput = z.output<typeof registerBodySchema>

const FIELDS = ['email', 'password', 'name'] as const

/** The sign-up form: the policy's rules as a live checklist, zxcvbn's strength meter. */
export function RegisterForm({ next }: { next?: string | undefined }) {
  const router = useRouter()
  const [formError, setFormError] = useState<string>()
  const form = useForm<RegisterInput, unknown, RegisterOutput>({
    resolver: zodResolver(registerBodySchema),
    defaultValues: { name: '', email: '', password: '' },
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
    try {
      await register({
        email: values.email,
        password: values.password,
        ...(values.name ? { name: values.name } : {}),
      })
    } catch (error) {
      setFormError(applyServerErrors(error, FIELDS, form.setError))
      return
    }
    router.replace(safeNextPath(next))
    router.refresh()
  }

  // zod lists every unmet rule; the sentence under the field names them all at once.
  const unmet = unmetPasswordRules(password)
  const passwordError =
    errors.password?.type === 'server'
      ? errors.password.message
      : errors.password
        ? `Your password still needs: ${unmet.map((code) => passwordRuleMessage(code).toLowerCase()).join('; ')}.`
        : undefined

  return (
    <form noValidate onSubmit={form.handleSubmit(onSubmit)} className="grid gap-5">
      {formError ? (
        <p role="alert" className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm">
          {formError}
        </p>
      ) : null}
      <Field>
        <Label htmlFor="register-name">
          Name <span className="font-normal text-muted-foreground">(optional)</span>
        </Label>
        <Input id="register-name" autoComplete="name" {...form.register('name')} />
      </Field>
      <Field>
        <Label htmlFor="register-email">Email</Label>
        <Input
          id="register-email"
          type="email"
          autoComplete="email"
          inputMode="email"
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? 'register-email-error' : undefined}
          {...form.register('email')}
        />
        <FieldError id="register-email-error" message={errors.email?.message} />
        {errors.email?.type === 'server' ? (
          <p className="text-sm">
            <Link href="/login" className="underline underline-offset-4">
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
            passwordError ? 'register-password-error register-password-rules' : 'register-password-rules'
          }
          {...form.register('password')}
        />
        <FieldError id="register-password-error" message={passwordError} />
        <StrengthMeter password={password} userInputs={[email, name]} />
        <PasswordChecklist id="register-password-rules" password={password} />
      </Field>
      <Button type="submit" size="lg" disabled={isSubmitting}>
        {isSubmitting ? 'Creating your account…' : 'Create account'}
      </Button>
    </form>
  )
}
