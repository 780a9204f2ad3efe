'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import type { loginBodySchema } from '@taskwise/contracts/auth-payloads'
import dynamic from 'next/dynamic'
import Link from 'next/link'
import { useRouter, useSearchParams } from 'next/navigation'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import type { z } from 'zod'
import { Button } from '@/components/ui/button'
import { errorAria, Field, FieldError } from '@/components/ui/field'
import { lazyResolver } from '@/lib/lazy-resolver'
import { FormAlert } from '@/components/ui/form-alert'
import { Input } from '@/components/ui/input'
import { Label } from '@/components/ui/label'
import { ApiError } from '@/lib/problem-error'
import { safeNextPath } from '@/lib/safe-next'
import { login } from '../api/login'
import { applyServerErrors, tooManyAttemptsSentence } from '../form-errors'
import { PasswordInput } from './password-input'
import { PasskeySignIn } from './passkey-sign-in'

/** Only accounts with two-factor sign-in see the second step: its code loads when it is needed. */
const SecondFactorForm = dynamic(() =>
  import('./second-factor-form').then((module) => module.SecondFactorForm),
)

type LoginInput = z.input<typeof loginBodySchema>
type LoginOutput = z.output<typeof loginBodySchema>

const FIELDS = ['email', 'password'] as const

/**
 * The sign-in body's schema (and zod) load when the form is first focused, and at the latest when
 * it is first validated, not with the page (docs/decisions/0312).
 */
const loginRules = lazyResolver<LoginInput, LoginOutput>(() =>
  import('@taskwise/contracts/auth-payloads').then((module) => zodResolver(module.loginBodySchema)),
)

/** What sign-in says to someone sent here by the account security centre. */
const ARRIVAL_NOTICES: Record<string, string> = {
  reset: 'Your password was changed. Sign in with the new one.',
  deleted: 'Your account and its tasks were deleted. Thank you for using Taskwise.',
}

/** The notice for `?reset=1` or `?deleted=1`, if the address carries one. */
function arrivalNotice(params: URLSearchParams | null): string | undefined {
  const key = Object.keys(ARRIVAL_NOTICES).find((name) => params?.get(name) === '1')
  return key ? ARRIVAL_NOTICES[key] : undefined
}

/** What the form says for a refused sign-in (no field can show it). */
function signInRefusal(error: unknown): string | undefined {
  if (error instanceof ApiError && error.code === 'invalid_credentials') {
    // One sentence for an unknown address and a wrong password: nothing tells them apart.
    return 'The email address or password is not correct.'
  }
  return tooManyAttemptsSentence(error)
}

export function LoginForm({ next }: { next?: string | undefined }) {
  const router = useRouter()
  const notice = arrivalNotice(useSearchParams())
  const [formError, setFormError] = useState<string>()
  // Between a successful sign-in and the next page, the button stays busy.
  const [leaving, setLeaving] = useState(false)
  // A right password for an account with two-factor sign-in on: the second step shows.
  const [secondStep, setSecondStep] = useState(false)
  const form = useForm<LoginInput, unknown, LoginOutput>({
    resolver: loginRules.resolver,
    defaultValues: { email: '', password: '' },
  })
  const {
    formState: { errors, isSubmitting },
  } = form

  async function onSubmit(values: LoginOutput) {
    setFormError(undefined)
    try {
      const answer = await login(values)
      if ('twoFactorRequired' in answer) {
        setSecondStep(true)
        return
      }
    } catch (error) {
      const refusal = signInRefusal(error)
      setFormError(refusal ?? applyServerErrors(error, FIELDS, form.setError))
      if (error instanceof ApiError && error.code === 'invalid_credentials') {
        // Keep the address, ask for the password again.
        form.resetField('password')
        form.setFocus('password')
      }
      return
    }
    leave()
  }

  function leave() {
    setLeaving(true)
    router.replace(safeNextPath(next))
    router.refresh()
  }

  const busy = isSubmitting || leaving

  if (secondStep) {
    return (
      <SecondFactorForm
        onSignedIn={leave}
        onRestart={() => {
          setSecondStep(false)
          form.resetField('password')
        }}
      />
    )
  }

  return (
    <div className="grid gap-5">
      <form
        noValidate
        onSubmit={form.handleSubmit(onSubmit)}
        onFocus={loginRules.preload}
        className="grid gap-5"
        aria-label="Sign in"
      >
        {notice ? (
          <p role="status" className="rounded-md border bg-muted px-3 py-2 text-sm text-foreground">
            {notice}
          </p>
        ) : null}
        <FormAlert message={formError} />
        <Field>
          <Label htmlFor="login-email">Email</Label>
          <Input
            id="login-email"
            type="email"
            autoComplete="username webauthn"
            inputMode="email"
            {...errorAria('login-email-error', Boolean(errors.email))}
            {...form.register('email')}
          />
          <FieldError id="login-email-error" message={errors.email?.message} />
        </Field>
        <Field>
          <div className="flex items-center justify-between gap-2">
            <Label htmlFor="login-password">Password</Label>
            <Link
              href="/forgot-password"
              className="rounded-sm text-sm font-medium underline underline-offset-4 outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
            >
              Forgot password?
            </Link>
          </div>
          <PasswordInput
            id="login-password"
            autoComplete="current-password"
            {...errorAria('login-password-error', Boolean(errors.password))}
            {...form.register('password')}
          />
          <FieldError id="login-password-error" message={errors.password?.message} />
        </Field>
        <Button type="submit" size="lg" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
      <PasskeySignIn onSignedIn={leave} />
    </div>
  )
}
