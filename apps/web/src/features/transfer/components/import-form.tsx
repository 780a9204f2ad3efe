'use client'

import { TASK_IMPORT_BODY_LIMIT_BYTES, TASK_IMPORT_MAX } from '@taskwise/contracts/task-transfer'
import { useRef, useState, type FormEvent } from 'react'
import { Button } from '@/components/ui/button'
import { Field, FieldError } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { Label } from '@/components/ui/label'
import { StatusNotice } from '@/features/account/components/status-notice'
import { useImportTasks } from '../api/import-tasks'
import { importErrorMessage } from '../import-error'

const limitMiB = TASK_IMPORT_BODY_LIMIT_BYTES / 1024 / 1024

/** Reads the chosen file as JSON, or says in a sentence why it cannot be sent. */
async function readExport(file: File): Promise<{ json: unknown } | { error: string }> {
  if (file.size > TASK_IMPORT_BODY_LIMIT_BYTES) {
    return {
      error: `Nothing was imported. The file is over ${limitMiB} MiB; split it into smaller files.`,
    }
  }
  try {
    return { json: JSON.parse(await file.text()) as unknown }
  } catch {
    return { error: 'Nothing was imported. This file is not JSON: choose a Taskwise JSON export.' }
  }
}

function plural(count: number): string {
  return count === 1 ? '1 task' : `${count.toLocaleString('en')} tasks`
}

/** Adds the tasks of a JSON export to this account: all of them, or none (with the reason). */
export function ImportForm({ userId }: { userId: string }) {
  const importTasks = useImportTasks(userId)
  const input = useRef<HTMLInputElement>(null)
  const [error, setError] = useState<string>()
  const [imported, setImported] = useState<number>()
  // From the first click until the answer: a second click must not import the same file twice.
  const [busy, setBusy] = useState(false)

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (busy) return
    const form = event.currentTarget
    setError(undefined)
    setImported(undefined)
    const fail = (message: string) => {
      setError(message)
      input.current?.focus()
    }
    const file = input.current?.files?.[0]
    if (!file) return fail('Choose a JSON export file first.')
    setBusy(true)
    try {
      const read = await readExport(file)
      if ('error' in read) return fail(read.error)
      const result = await importTasks.mutateAsync(read.json)
      setImported(result.imported)
      form.reset()
    } catch (refusal) {
      fail(importErrorMessage(refusal))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      aria-label="Import tasks"
      aria-busy={busy}
      className="grid gap-4"
    >
      <StatusNotice>
        {imported !== undefined ? <p>Imported {plural(imported)}.</p> : null}
      </StatusNotice>
      <Field>
        <Label htmlFor="import-file">JSON export file</Label>
        <Input
          ref={input}
          id="import-file"
          name="file"
          type="file"
          accept="application/json,.json"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'import-file-error import-file-hint' : 'import-file-hint'}
          onChange={() => setError(undefined)}
        />
        <p id="import-file-hint" className="text-sm text-muted-foreground">
          A file from “Export as JSON”, up to {TASK_IMPORT_MAX.toLocaleString('en')} tasks and{' '}
          {limitMiB} MiB. Its tasks are added to yours; if any of them is not valid, none is.
        </p>
        <FieldError id="import-file-error" message={error} />
      </Field>
      <Button type="submit" variant="outline" className="justify-self-start" disabled={busy}>
        {busy ? 'Importing…' : 'Import'}
      </Button>
    </form>
  )
}
