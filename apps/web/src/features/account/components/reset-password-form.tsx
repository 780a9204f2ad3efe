'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import type { z } from 'zod'
import { Button } from '@/components/ui/button'
import { Field, FieldError } from '@/components/ui/field'
import { FormAlert } from '@/components/ui/form-alert'
import { Label } from '@/components/ui/label'
import { PasswordChecklist } from '@/features/auth/components/password-checklist'
import { PasswordInput } from '@/features/auth/components/password-input'
import { StrengthMeter } from '@/features/auth/components/strength-meter'
import {
  policyResolver,
  preloadPasswordPolicy,
  unmetPasswordSentence,
  usePasswordPolicy,
  type PasswordPolicy,
} from '@/features/auth/password-policy'
import { ApiError } from '@/lib/problem-error'
import { resetPassword } from '../api/reset-password'
import { showServerErrors } from '../form-errors'
import { InvalidLinkNotice } from './invalid-link-notice'

let resetFormSchema: ReturnType<typeof pickResetForm> | undefined
function pickResetForm(policy: PasswordPolicy) {
  return policy.resetPasswordBodySchema.pick({ password: true })
}
type ResetInput = z.input<ReturnType<typeof pickResetForm>>
type ResetOutput = z.output<ReturnType<typeof pickResetForm>>
/** The policy loads when the form is first focused, not with the page (password-policy.ts). */
const resolver = policyResolver((policy) => (resetFormSchema ??= pickResetForm(policy)))

/** Where a successful reset leads: sign-in, which says the password was changed. */
const AFTER_RESET = '/login?reset=1'

/** The reset link, expired or used: the form gives way to a way of asking for another. */
function ExpiredResetLink() {
  return (
    <InvalidLinkNotice
      // The form and its button are gone: focus goes to what replaced them.
      takeFocus
      title="This link is not valid any more"
      reason="A reset link works once, for 30 minutes: this one has been used already or is older than that."
      href="/forgot-password"
      action="Ask for a new link"
    />
  )
}

/** Chooses a new password with the token from the mailed link; the checklist as at sign-up. */
export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter()
  const policy = usePasswordPolicy()
  const [formError, setFormError] = useState<string>()
  const [linkInvalid, setLinkInvalid] = useState(false)
  const [leaving, setLeaving] = useState(false)
  const form = useForm<ResetInput, unknown, ResetOutput>({
    resolver,
    defaultValues: { password: '' },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  })
  const {
    formState: { errors, isSubmitting },
  } = form
  const password = useWatch({ control: form.control, name: 'password' }) ?? ''

  async function onSubmit(values: ResetOutput) {
    setFormError(undefined)
    try {
      await resetPassword({ token, password: values.password })
    } catch (error) {
      if (error instanceof ApiError && error.code === 'reset_token_invalid') {
        setLinkInvalid(true)
        return
      }
      setFormError(
        showServerErrors(error, form, { fields: ['password'], newPasswordField: 'password' }),
      )
      return
    }
    setLeaving(true)
    router.replace(AFTER_RESET)
  }

  if (linkInvalid) return <ExpiredResetLink />

  const passwordError =
    errors.password?.type === 'server'
      ? errors.password.message
      : errors.password
        ? unmetPasswordSentence(password, policy)
        : undefined
  const busy = isSubmitting || leaving

  return (
    <form
      noValidate
      onSubmit={form.handleSubmit(onSubmit)}
      onFocus={preloadPasswordPolicy}
      className="grid gap-5"
      aria-label="Choose a new password"
    >
      <FormAlert message={formError} />
      <Field>
        <Label htmlFor="reset-password">New password</Label>
        <PasswordInput
          id="reset-password"
          autoComplete="new-password"
          aria-invalid={passwordError ? true : undefined}
          aria-describedby={
            passwordError ? 'reset-password-error reset-password-rules' : 'reset-password-rules'
          }
          {...form.register('password')}
        />
        <FieldError id="reset-password-error" message={passwordError} />
        <StrengthMeter password={password} userInputs={[]} />
        <PasswordChecklist id="reset-password-rules" password={password} />
      </Field>
      <Button type="submit" size="lg" disabled={busy}>
        {busy ? 'Saving your new password…' : 'Set new password'}
      </Button>
    </form>
  )
}
