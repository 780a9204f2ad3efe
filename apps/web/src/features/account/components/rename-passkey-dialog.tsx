'use client'

import { passkeyNameSchema, type PasskeyItem } from '@taskwise/contracts/passkeys'
import { useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { Dialog, DialogContent, DialogHeader, DialogTitle } from '@/components/ui/dialog'
import { errorAria, Field, FieldError } from '@/components/ui/field'
import { FormAlert } from '@/components/ui/form-alert'
import { Input } from '@/components/ui/input'
import { Label } from '@/components/ui/label'
import { ApiError } from '@/lib/problem-error'
import { renamePasskey } from '../api/passkeys'
import { accountKeys } from '../api/query-keys'
import { DialogFormActions } from './dialog-form-parts'

/** A new name for one passkey. */
export function RenamePasskeyDialog({
  passkey,
  onClose,
}: {
  passkey: PasskeyItem | undefined
  onClose: () => void
}) {
  return (
    <Dialog open={passkey !== undefined} onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent className="dark:scheme-dark" aria-describedby={undefined}>
        <DialogHeader>
          <DialogTitle>Rename passkey</DialogTitle>
        </DialogHeader>
        {passkey ? <RenameForm passkey={passkey} onDone={onClose} /> : null}
      </DialogContent>
    </Dialog>
  )
}

function RenameForm({ passkey, onDone }: { passkey: PasskeyItem; onDone: () => void }) {
  const queryClient = useQueryClient()
  const [name, setName] = useState(passkey.name ?? '')
  const [error, setError] = useState<string>()
  const [formError, setFormError] = useState<string>()
  const [busy, setBusy] = useState(false)

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    const parsed = passkeyNameSchema.safeParse(name)
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message)
      return
    }
    setBusy(true)
    try {
      await renamePasskey(passkey.id, { name: parsed.data })
      await queryClient.invalidateQueries({ queryKey: accountKeys.passkeys })
      onDone()
    } catch (caught) {
      setBusy(false)
      setFormError(caught instanceof ApiError ? caught.message : 'Something went wrong. Try again.')
    }
  }

  return (
    <form noValidate onSubmit={onSubmit} className="grid gap-4">
      <FormAlert message={formError} />
      <Field>
        <Label htmlFor="rename-passkey-name">Name</Label>
        <Input
          id="rename-passkey-name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          {...errorAria('rename-passkey-name-error', Boolean(error))}
        />
        <FieldError id="rename-passkey-name-error" message={error} />
      </Field>
      <DialogFormActions label="Save name" busyLabel="Saving…" busy={busy} />
    </form>
  )
}
