'use client'

import type { ComponentProps } from 'react'
import { Button } from '@/components/ui/button'
import { DialogClose } from '@/components/ui/dialog'
import { errorAria, Field, FieldError } from '@/components/ui/field'
import { Label } from '@/components/ui/label'
import { PasswordInput } from '@/features/auth/components/password-input'

/**
 * The pieces every account dialog's form ends with: the current password, asked for before a
 * change that matters, and Cancel beside the confirming button.
 */

/** "Your password": the field, its error (tied to it for screen readers) and its label. */
export function CurrentPasswordField({
  id,
  error,
  ...input
}: { id: string; error: string | undefined } & Omit<
  ComponentProps<typeof PasswordInput>,
  'id' | 'autoComplete'
>) {
  const errorId = `${id}-error`
  return (
    <Field>
      <Label htmlFor={id}>Your password</Label>
      <PasswordInput
        id={id}
        autoComplete="current-password"
        {...errorAria(errorId, Boolean(error))}
        {...input}
      />
      <FieldError id={errorId} message={error} />
    </Field>
  )
}

/** Cancel (closes the dialog) and the submit button, which says what it is doing while busy. */
export function DialogFormActions({
  label,
  busyLabel,
  busy,
  disabled = false,
  variant = 'default',
}: {
  label: string
  busyLabel: string
  busy: boolean
  /** Not ready yet (a confirmation not typed): the button stays off. */
  disabled?: boolean
  variant?: 'default' | 'destructive'
}) {
  return (
    <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
      <DialogClose asChild>
        <Button type="button" variant="outline">
          Cancel
        </Button>
      </DialogClose>
      <Button type="submit" variant={variant} disabled={disabled || busy}>
        {busy ? busyLabel : label}
      </Button>
    </div>
  )
}
