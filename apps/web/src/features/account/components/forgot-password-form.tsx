'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { forgotPasswordBodySchema } from '@taskwise/contracts/account'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import type { z } from 'zod'
import { Button } from '@/components/ui/button'
import { errorAria, Field, FieldError } from '@/components/ui/field'
import { FormAlert } from '@/components/ui/form-alert'
import { Input } from '@/components/ui/input'
import { Label } from '@/components/ui/label'
import { forgotPassword } from '../api/forgot-password'
import { showServerErrors } from '../form-errors'
import { StatusNotice } from './status-notice'

type ForgotInput = z.input<typeof forgotPasswordBodySchema>
type ForgotOutput = z.output<typeof forgotPasswordBodySchema>

/** The same words whoever the address is: the page never tells whether an account exists. */
const RESET_LINK_SENT =
  'If an account exists for that address, we’ve sent a link to choose a new password; it expires in 30 minutes.'

/** Asks for a reset link by email. */
export function ForgotPasswordForm() {
  const [formError, setFormError] = useState<string>()
  const [sent, setSent] = useState(false)
  const form = useForm<ForgotInput, unknown, ForgotOutput>({
    resolver: zodResolver(forgotPasswordBodySchema),
    defaultValues: { email: '' },
  })
  const {
    formState: { errors, isSubmitting },
  } = form

  async function onSubmit(values: ForgotOutput) {
    setFormError(undefined)
    setSent(false)
    try {
      await forgotPassword(values)
    } catch (error) {
      setFormError(showServerErrors(error, form, { fields: ['email'] }))
      return
    }
    setSent(true)
  }

  return (
    <div className="grid gap-5">
      <StatusNotice>
        {sent ? (
          <>
            <p className="font-medium">Check your email</p>
            <p>{RESET_LINK_SENT}</p>
            <p className="text-muted-foreground">
              Nothing after a few minutes? Look in your spam folder, or check the address and send
              again.
            </p>
          </>
        ) : null}
      </StatusNotice>
      <form
        noValidate
        onSubmit={form.handleSubmit(onSubmit)}
        className="grid gap-5"
        aria-label="Reset your password"
      >
        <FormAlert message={formError} />
        <Field>
          <Label htmlFor="forgot-email">Email</Label>
          <Input
            id="forgot-email"
            type="email"
            autoComplete="email"
            inputMode="email"
            {...errorAria('forgot-email-error', Boolean(errors.email))}
            {...form.register('email')}
          />
          <FieldError id="forgot-email-error" message={errors.email?.message} />
        </Field>
        <Button type="submit" size="lg" disabled={isSubmitting}>
          {isSubmitting ? 'Sending…' : sent ? 'Send the link again' : 'Send reset link'}
        </Button>
      </form>
    </div>
  )
}
