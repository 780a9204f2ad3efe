'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { changeEmailBodySchema } from '@taskwise/contracts/account'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import type { z } from 'zod'
import { Button } from '@/components/ui/button'
import { errorAria, Field, FieldError } from '@/components/ui/field'
import { FormAlert } from '@/components/ui/form-alert'
import { Input } from '@/components/ui/input'
import { Label } from '@/components/ui/label'
import { PasswordInput } from '@/features/auth/components/password-input'
import { changeEmail } from '../api/change-email'
import { accountKeys } from '../api/query-keys'
import { showServerErrors } from '../form-errors'
import { StatusNotice } from './status-notice'

type ChangeEmailInput = z.input<typeof changeEmailBodySchema>
type ChangeEmailOutput = z.output<typeof changeEmailBodySchema>

/**
 * Asks for a new email address. Nothing changes yet: a link goes to the new address, and the
 * change happens when it is opened (the old address gets a notice).
 */
export function ChangeEmailForm({ currentEmail }: { currentEmail: string }) {
  const queryClient = useQueryClient()
  const [formError, setFormError] = useState<string>()
  const [sentTo, setSentTo] = useState<string>()
  const form = useForm<ChangeEmailInput, unknown, ChangeEmailOutput>({
    resolver: zodResolver(changeEmailBodySchema),
    defaultValues: { newEmail: '', password: '' },
  })
  const {
    formState: { errors, isSubmitting },
  } = form

  async function onSubmit(values: ChangeEmailOutput) {
    setFormError(undefined)
    setSentTo(undefined)
    try {
      await changeEmail(values)
    } catch (error) {
      setFormError(
        showServerErrors(error, form, {
          fields: ['newEmail', 'password'],
          currentPasswordField: 'password',
          codes: {
            same_email: { field: 'newEmail', message: 'This is already your email address' },
            email_taken: {
              field: 'newEmail',
              message: 'Another account uses this address',
            },
          },
        }),
      )
      return
    }
    form.reset()
    setSentTo(values.newEmail)
    void queryClient.invalidateQueries({ queryKey: accountKeys.activity })
  }

  return (
    <div className="grid gap-4">
      <StatusNotice>
        {sentTo ? (
          <>
            <p className="font-medium">Check your new inbox</p>
            <p>
              We’ve sent a link to <strong className="break-all">{sentTo}</strong>. Open it to
              finish the change; until then you sign in with{' '}
              <span className="break-all">{currentEmail}</span>.
            </p>
          </>
        ) : null}
      </StatusNotice>
      <form
        noValidate
        onSubmit={form.handleSubmit(onSubmit)}
        className="grid gap-4"
        aria-label="Change email address"
      >
        <FormAlert message={formError} />
        <Field>
          <Label htmlFor="change-email-new">New email address</Label>
          <Input
            id="change-email-new"
            type="email"
            autoComplete="email"
            inputMode="email"
            {...errorAria('change-email-new-error', Boolean(errors.newEmail))}
            {...form.register('newEmail')}
          />
          <FieldError id="change-email-new-error" message={errors.newEmail?.message} />
        </Field>
        <Field>
          <Label htmlFor="change-email-password">Current password</Label>
          <PasswordInput
            id="change-email-password"
            autoComplete="current-password"
            {...errorAria('change-email-password-error', Boolean(errors.password))}
            {...form.register('password')}
          />
          <FieldError id="change-email-password-error" message={errors.password?.message} />
        </Field>
        <Button
          type="submit"
          variant="outline"
          className="justify-self-start"
          disabled={isSubmitting}
        >
          {isSubmitting ? 'Sending the link…' : 'Change email'}
        </Button>
      </form>
    </div>
  )
}
