'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { twoFactorDisableBodySchema } from '@taskwise/contracts/two-factor'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import type { z } from 'zod'
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog'
import { errorAria, Field, FieldError } from '@/components/ui/field'
import { FormAlert } from '@/components/ui/form-alert'
import { Input } from '@/components/ui/input'
import { Label } from '@/components/ui/label'
import { disableTwoFactor } from '../api/two-factor'
import { showServerErrors } from '../form-errors'
import { CurrentPasswordField, DialogFormActions } from './dialog-form-parts'

type Input = z.input<typeof twoFactorDisableBodySchema>
type Output = z.output<typeof twoFactorDisableBodySchema>

/** Turning two-factor sign-in off: the password and a code from the app. */
export function DisableTwoFactorDialog({
  open,
  onOpenChange,
  onDisabled,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  onDisabled: () => Promise<void>
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="dark:scheme-dark">
        <DialogHeader>
          <DialogTitle>Turn off two-factor sign-in?</DialogTitle>
          <DialogDescription>
            Your password alone will sign in again. Your backup codes and trusted devices stop
            working.
          </DialogDescription>
        </DialogHeader>
        <DisableForm
          onDone={async () => {
            await onDisabled()
            onOpenChange(false)
          }}
        />
      </DialogContent>
    </Dialog>
  )
}

function DisableForm({ onDone }: { onDone: () => Promise<void> }) {
  const [formError, setFormError] = useState<string>()
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(twoFactorDisableBodySchema),
    defaultValues: { password: '', code: '' },
  })
  const {
    formState: { errors, isSubmitting },
  } = form

  async function onSubmit(values: Output) {
    setFormError(undefined)
    try {
      await disableTwoFactor(values)
      await onDone()
    } catch (error) {
      setFormError(
        showServerErrors(error, form, {
          fields: ['password', 'code'],
          currentPasswordField: 'password',
          codes: { invalid_code: { field: 'code', message: 'That code is not right.' } },
        }),
      )
    }
  }

  return (
    <form noValidate onSubmit={form.handleSubmit(onSubmit)} className="grid gap-4">
      <FormAlert message={formError} />
      <CurrentPasswordField
        id="disable-two-factor-password"
        error={errors.password?.message}
        {...form.register('password')}
      />
      <Field>
        <Label htmlFor="disable-two-factor-code">Code from your authenticator app</Label>
        <Input
          id="disable-two-factor-code"
          autoComplete="one-time-code"
          inputMode="numeric"
          {...errorAria('disable-two-factor-code-error', Boolean(errors.code))}
          {...form.register('code')}
        />
        <FieldError id="disable-two-factor-code-error" message={errors.code?.message} />
      </Field>
      <DialogFormActions
        label="Turn off"
        busyLabel="Turning off…"
        busy={isSubmitting}
        variant="destructive"
      />
    </form>
  )
}
