'use client'

import type { changePasswordBodySchema } from '@taskwise/contracts/password-bodies'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Controller, useForm, useWatch } from 'react-hook-form'
import type { z } from 'zod'
import { Button } from '@/components/ui/button'
import { Checkbox } from '@/components/ui/checkbox'
import { errorAria, Field, FieldError } from '@/components/ui/field'
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
} from '@/features/auth/password-policy'
import { changePassword } from '../api/change-password'
import { accountKeys } from '../api/query-keys'
import { showServerErrors } from '../form-errors'
import { StatusNotice } from './status-notice'

type ChangePasswordInput = z.input<typeof changePasswordBodySchema>
type ChangePasswordOutput = z.output<typeof changePasswordBodySchema>

const FIELDS = ['currentPassword', 'newPassword'] as const

/** The policy loads when the form is first focused, not with the page (password-policy.ts). */
const resolver = policyResolver((policy) => policy.changePasswordBodySchema)

/** Changes the password, with the sign-up checklist; other devices are signed out by default. */
export function ChangePasswordForm({ email, name }: { email: string; name: string }) {
  const queryClient = useQueryClient()
  const policy = usePasswordPolicy()
  const [formError, setFormError] = useState<string>()
  const [done, setDone] = useState<string>()
  const form = useForm<ChangePasswordInput, unknown, ChangePasswordOutput>({
    resolver,
    defaultValues: { currentPassword: '', newPassword: '', signOutOtherSessions: true },
    // As at sign-up: quiet while typing the first time, then errors follow the typing.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  })
  const {
    formState: { errors, isSubmitting },
  } = form
  const newPassword = useWatch({ control: form.control, name: 'newPassword' }) ?? ''

  async function onSubmit(values: ChangePasswordOutput) {
    setFormError(undefined)
    setDone(undefined)
    try {
      await changePassword(values)
    } catch (error) {
      setFormError(
        showServerErrors(error, form, {
          fields: FIELDS,
          currentPasswordField: 'currentPassword',
          newPasswordField: 'newPassword',
        }),
      )
      return
    }
    const message = values.signOutOtherSessions
      ? 'Your password was changed, and your other devices were signed out.'
      : 'Your password was changed.'
    form.reset({ currentPassword: '', newPassword: '', signOutOtherSessions: true })
    setDone(message)
    void queryClient.invalidateQueries({ queryKey: accountKeys.all })
  }

  const newPasswordError =
    errors.newPassword?.type === 'server'
      ? errors.newPassword.message
      : errors.newPassword
        ? unmetPasswordSentence(newPassword, policy)
        : undefined

  return (
    <div className="grid gap-4">
      <StatusNotice>{done ? <p>{done}</p> : null}</StatusNotice>
      <form
        noValidate
        onSubmit={form.handleSubmit(onSubmit)}
        onFocus={preloadPasswordPolicy}
        className="grid gap-5"
        aria-label="Change password"
      >
        {/* Tells password managers which account the new password belongs to. */}
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <FormAlert message={formError} />
        <Field>
          <Label htmlFor="change-password-current">Current password</Label>
          <PasswordInput
            revealLabel="Show current password"
            id="change-password-current"
            autoComplete="current-password"
            {...errorAria('change-password-current-error', Boolean(errors.currentPassword))}
            {...form.register('currentPassword')}
          />
          <FieldError
            id="change-password-current-error"
            message={errors.currentPassword?.message}
          />
        </Field>
        <Field>
          <Label htmlFor="change-password-new">New password</Label>
          <PasswordInput
            revealLabel="Show new password"
            id="change-password-new"
            autoComplete="new-password"
            aria-invalid={newPasswordError ? true : undefined}
            aria-describedby={
              newPasswordError
                ? 'change-password-new-error change-password-rules'
                : 'change-password-rules'
            }
            {...form.register('newPassword')}
          />
          <FieldError id="change-password-new-error" message={newPasswordError} />
          <StrengthMeter password={newPassword} userInputs={[email, name]} />
          <PasswordChecklist id="change-password-rules" password={newPassword} />
        </Field>
        <Controller
          control={form.control}
          name="signOutOtherSessions"
          render={({ field }) => (
            <div className="flex items-center gap-3">
              <Checkbox
                id="change-password-sign-out"
                ref={field.ref}
                name={field.name}
                checked={field.value ?? true}
                onCheckedChange={(checked) => field.onChange(checked === true)}
                onBlur={field.onBlur}
              />
              <Label htmlFor="change-password-sign-out" className="font-normal leading-snug">
                Sign out of all other devices
              </Label>
            </div>
          )}
        />
        <Button type="submit" className="justify-self-start" disabled={isSubmitting}>
          {isSubmitting ? 'Changing your password…' : 'Change password'}
        </Button>
      </form>
    </div>
  )
}
