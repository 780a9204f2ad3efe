'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { reauthenticateBodySchema } from '@taskwise/contracts/account'
import { useId, useRef, useState, type ReactNode, type RefObject } from 'react'
import { useForm } from 'react-hook-form'
import type { z } from 'zod'
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog'
import { FormAlert } from '@/components/ui/form-alert'
import { showServerErrors } from '../form-errors'
import { CurrentPasswordField, DialogFormActions } from './dialog-form-parts'

type PasswordInputValues = z.input<typeof reauthenticateBodySchema>
type PasswordOutputValues = z.output<typeof reauthenticateBodySchema>

export interface PasswordConfirmDialogProps {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  description: ReactNode
  confirmLabel: string
  busyLabel: string
  /** The confirm button's look: destructive (ending sessions), or plain (starting something). */
  confirmVariant?: 'destructive' | 'default'
  /** Does the work; a rejection is shown in the dialog, which stays open. */
  onConfirm: (password: string) => Promise<void>
  /**
   * Where focus goes once the work is done: the button that opened the dialog may be gone (an
   * ended session's row). A cancelled dialog gives focus back to that button, if it is there.
   */
  focusAfterSuccess: RefObject<HTMLElement | null>
}

/**
 * Asks for the current password before something that ends sessions. It is opened by its owner
 * (not by a trigger inside it), so it outlives the row whose button opened it.
 */
export function PasswordConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  busyLabel,
  confirmVariant = 'destructive',
  onConfirm,
  focusAfterSuccess,
}: PasswordConfirmDialogProps) {
  const succeeded = useRef(false)
  // The dialog has no trigger of its own, so it remembers what had focus when it opened.
  const opener = useRef<HTMLElement | null>(null)
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        className="dark:scheme-dark"
        onOpenAutoFocus={() => {
          succeeded.current = false
          opener.current =
            document.activeElement instanceof HTMLElement ? document.activeElement : null
        }}
        onCloseAutoFocus={(event) => {
          event.preventDefault()
          const back = opener.current
          if (!succeeded.current && back?.isConnected) back.focus()
          else focusAfterSuccess.current?.focus()
        }}
      >
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        {/* Mounted only while open, so each opening starts with an empty field. */}
        <PasswordConfirmForm
          confirmLabel={confirmLabel}
          busyLabel={busyLabel}
          confirmVariant={confirmVariant}
          onConfirm={async (password) => {
            await onConfirm(password)
            succeeded.current = true
            onOpenChange(false)
          }}
        />
      </DialogContent>
    </Dialog>
  )
}

function PasswordConfirmForm({
  confirmLabel,
  busyLabel,
  confirmVariant,
  onConfirm,
}: Pick<
  PasswordConfirmDialogProps,
  'confirmLabel' | 'busyLabel' | 'onConfirm' | 'confirmVariant'
>) {
  const id = useId()
  const fieldId = `${id}-password`
  const [formError, setFormError] = useState<string>()
  const form = useForm<PasswordInputValues, unknown, PasswordOutputValues>({
    resolver: zodResolver(reauthenticateBodySchema),
    defaultValues: { password: '' },
  })
  const {
    formState: { errors, isSubmitting },
  } = form

  async function onSubmit({ password }: PasswordOutputValues) {
    setFormError(undefined)
    try {
      await onConfirm(password)
    } catch (error) {
      setFormError(
        showServerErrors(error, form, { fields: ['password'], currentPasswordField: 'password' }),
      )
    }
  }

  return (
    <form noValidate onSubmit={form.handleSubmit(onSubmit)} className="grid gap-4">
      <FormAlert message={formError} />
      <CurrentPasswordField
        id={fieldId}
        error={errors.password?.message}
        {...form.register('password')}
      />
      <DialogFormActions
        label={confirmLabel}
        busyLabel={busyLabel}
        busy={isSubmitting}
        variant={confirmVariant}
      />
    </form>
  )
}
