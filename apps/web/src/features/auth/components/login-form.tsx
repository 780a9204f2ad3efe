'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { loginBodySchema } from '@taskwise/contracts/auth-payloads'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import type { z } from 'zod'
import { Button } from '@/components/ui/button'
import { Field, FieldError } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { Label } from '@/components/ui/label'
import { ApiError } from '@/lib/problem-error'
import { safeNextPath } from '@/lib/safe-next'
import { login } from '../api/login'
import { applyServerErrors } from '../form-errors'
import { PasswordInput } from './password-input'

type LoginInput = z.input<typeof loginBodySchema>
type LoginOutput = z.output<typeof loginBodySchema>

const FIELDS = ['email', 'password'] as const

function retryAfterSentence(error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return undefined
  if (error.code === 'invalid_credentials') return 'The email address or password is not correct.'
  if (error.status === 429) return `${error.message} Wait a minute, then try again.`
  return undefined
}

export function LoginForm({ next }: { next?: string | undefined }) {
  const router = useRouter()
  const [formError, setFormError] = useState<string>()
  const form = useForm<LoginInput, unknown, LoginOutput>({
    resolver: zodResolver(loginBodySchema),
    defaultValues: { email: '', password: '' },
  })
  const {
    formState: { errors, isSubmitting },
  } = form

  async function onSubmit(values: LoginOutput) {
    setFormError(undefined)
    try {
      await login(values)
    } catch (error) {
      setFormError(retryAfterSentence(error) ?? applyServerErrors(error, FIELDS, form.setError))
      return
    }
    router.replace(safeNextPath(next))
    router.refresh()
  }

  return (
    <form noValidate onSubmit={form.handleSubmit(onSubmit)} className="grid gap-5">
      {formError ? (
        <p role="alert" className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm">
          {formError}
        </p>
      ) : null}
      <Field>
        <Label htmlFor="login-email">Email</Label>
        <Input
          id="login-email"
          type="email"
          autoComplete="username"
          inputMode="email"
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? 'login-email-error' : undefined}
          {...form.register('email')}
        />
        <FieldError id="login-email-error" message={errors.email?.message} />
      </Field>
      <Field>
        <Label htmlFor="login-password">Password</Label>
        <PasswordInput
          id="login-password"
          autoComplete="current-password"
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? 'login-password-error' : undefined}
          {...form.register('password')}
        />
        <FieldError id="login-password-error" message={errors.password?.message} />
      </Field>
      <Button type="submit" size="lg" disabled={isSubmitting}>
        {isSubmitting ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  )
}
