import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form'
import { ApiError } from '@/lib/problem-error'

/**
 * Puts a problem+json's body field errors (`errors[].path`) next to their fields. Returns what is
 * left for the whole form: the problem's sentence when no field took it.
 */
export function applyServerFieldErrors<Values extends FieldValues>(
  error: unknown,
  fields: readonly FieldPath<Values>[],
  setError: UseFormSetError<Values>,
): string | undefined {
  if (!(error instanceof ApiError)) return 'Something went wrong. Try again.'
  const byField = new Map<FieldPath<Values>, string[]>()
  for (const fieldError of error.fieldErrors) {
    if (fieldError.location !== 'body') continue
    const field = fields.find((name) => name === fieldError.path)
    if (!field) continue
    byField.set(field, [...(byField.get(field) ?? []), fieldError.message])
  }
  byField.forEach((messages, field) => {
    setError(field, { type: 'server', message: messages.join('. ') }, { shouldFocus: true })
  })
  return byField.size > 0 ? undefined : error.message
}
