'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { reauthenticateBodySchema } from '@taskwise/contracts/account'
import { useQueryClient } from '@tanstack/react-query'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { z } from 'zod'
import { Button } from '@/components/ui/button'
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@/components/ui/dialog'
import { errorAria, Field, FieldError } from '@/components/ui/field'
import { FormAlert } from '@/components/ui/form-alert'
import { Input } from '@/components/ui/input'
import { Label } from '@/components/ui/label'
import { deleteAccount } from '../api/delete-account'
import { showServerErrors } from '../form-errors'
import { CurrentPasswordField, DialogFormActions } from './dialog-form-parts'

/** What the person types to show they mean it. */
const DELETE_PHRASE = 'delete my account'

/** Where a deleted account's last page leads: sign-in, which says the account is gone. */
const AFTER_DELETE = '/login?deleted=1'

function isPhrase(typed: string | undefined): boolean {
  return (typed ?? '').trim().toLowerCase() === DELETE_PHRASE
}

const deleteFormSchema = reauthenticateBodySchema.extend({
  phrase: z.string().refine(isPhrase, { message: `Type “${DELETE_PHRASE}” to confirm` }),
})
type DeleteInput = z.input<typeof deleteFormSchema>
type DeleteOutput = z.output<typeof deleteFormSchema>

/** Deletes the account for good, once the password and the phrase are typed. */
export function DeleteAccountDialog() {
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="destructive" className="justify-self-start">
          Delete account…
        </Button>
      </DialogTrigger>
      <DialogContent className="dark:scheme-dark">
        <DialogHeader>
          <DialogTitle>Delete your account?</DialogTitle>
          <DialogDescription>
            Your account, your tasks and your sign-in history are deleted at once and cannot be
            brought back. Every device you’re signed in on is signed out.
          </DialogDescription>
        </DialogHeader>
        <DeleteAccountForm />
      </DialogContent>
    </Dialog>
  )
}

function DeleteAccountForm() {
  const router = useRouter()
  const queryClient = useQueryClient()
  const [formError, setFormError] = useState<string>()
  const [leaving, setLeaving] = useState(false)
  const form = useForm<DeleteInput, unknown, DeleteOutput>({
    resolver: zodResolver(deleteFormSchema),
    defaultValues: { password: '', phrase: '' },
  })
  const {
    formState: { errors, isSubmitting },
  } = form
  const [password, phrase] = useWatch({ control: form.control, name: ['password', 'phrase'] })
  const ready = Boolean(password) && isPhrase(phrase)

  async function onSubmit({ password }: DeleteOutput) {
    setFormError(undefined)
    try {
      await deleteAccount({ password })
    } catch (error) {
      setFormError(
        showServerErrors(error, form, {
          fields: ['password', 'phrase'],
          currentPasswordField: 'password',
        }),
      )
      return
    }
    setLeaving(true)
    // Nothing of this account stays in memory for the next person at this browser.
    queryClient.clear()
    router.replace(AFTER_DELETE)
    router.refresh()
  }

  const busy = isSubmitting || leaving

  return (
    <form noValidate onSubmit={form.handleSubmit(onSubmit)} className="grid gap-4">
      <FormAlert message={formError} />
      <CurrentPasswordField
        id="delete-account-password"
        error={errors.password?.message}
        {...form.register('password')}
      />
      <Field>
        <Label htmlFor="delete-account-phrase">Type “{DELETE_PHRASE}” to confirm</Label>
        <Input
          id="delete-account-phrase"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          {...errorAria('delete-account-phrase-error', Boolean(errors.phrase))}
          {...form.register('phrase')}
        />
        <FieldError id="delete-account-phrase-error" message={errors.phrase?.message} />
      </Field>
      <DialogFormActions
        label="Delete my account"
        busyLabel="Deleting your account…"
        busy={busy}
        disabled={!ready}
        variant="destructive"
      />
    </form>
  )
}
