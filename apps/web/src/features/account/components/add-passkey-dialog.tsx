'use client'

import { useState, type FormEvent } from 'react'
import { passkeyNameSchema } from '@taskwise/contracts/passkeys'
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
import { tooManyAttemptsSentence } from '@/features/auth/form-errors'
import { ApiError } from '@/lib/problem-error'
import { CurrentPasswordField, DialogFormActions } from './dialog-form-parts'

/** Adding a passkey: a name for it, the password, then the device's own prompt. */
export function AddPasskeyDialog({
  open,
  onOpenChange,
  onAdd,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  onAdd: (password: string, name: string) => Promise<void>
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="dark:scheme-dark">
        <DialogHeader>
          <DialogTitle>Add a passkey</DialogTitle>
          <DialogDescription>
            Your device will ask for your fingerprint, face or screen lock.
          </DialogDescription>
        </DialogHeader>
        <AddPasskeyForm
          onAdd={async (password, name) => {
            await onAdd(password, name)
            onOpenChange(false)
          }}
        />
      </DialogContent>
    </Dialog>
  )
}

function AddPasskeyForm({ onAdd }: { onAdd: (password: string, name: string) => Promise<void> }) {
  const [name, setName] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<{ name?: string; password?: string }>({})
  const [formError, setFormError] = useState<string>()
  const [busy, setBusy] = useState(false)

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    setFormError(undefined)
    const parsedName = passkeyNameSchema.safeParse(name)
    const found = {
      ...(parsedName.success ? {} : { name: parsedName.error.issues[0]?.message }),
      ...(password ? {} : { password: 'Enter your password' }),
    }
    setErrors(found)
    if (!parsedName.success || !password) return
    setBusy(true)
    try {
      await onAdd(password, parsedName.data)
    } catch (error) {
      setBusy(false)
      if (error instanceof ApiError && error.code === 'invalid_password') {
        setErrors({ password: 'The password is not correct.' })
      } else if (error instanceof ApiError) {
        setFormError(tooManyAttemptsSentence(error) ?? error.message)
      } else {
        // The device's prompt was cancelled, or timed out.
        setFormError('No passkey was made. Try again, and follow your device’s prompt.')
      }
    }
  }

  return (
    <form noValidate onSubmit={onSubmit} className="grid gap-4">
      <FormAlert message={formError} />
      <Field>
        <Label htmlFor="add-passkey-name">Name</Label>
        <Input
          id="add-passkey-name"
          value={name}
          placeholder="Work laptop"
          onChange={(event) => setName(event.target.value)}
          {...errorAria('add-passkey-name-error', Boolean(errors.name))}
        />
        <FieldError id="add-passkey-name-error" message={errors.name} />
      </Field>
      <CurrentPasswordField
        id="add-passkey-password"
        error={errors.password}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <DialogFormActions label="Add passkey" busyLabel="Waiting for your device…" busy={busy} />
    </form>
  )
}
