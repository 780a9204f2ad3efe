import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form'
import { ApiError } from '@/lib/problem-error'

/**
 * Puts a problem's field errors (`errors[].path`) next to their fields. Returns the message for
 * the whole form: the problem's detail when no field took it, or a sentence for a network error.
 */
export function applyServerErrors<Values extends FieldValues>(
  error: unknown,
  fields: readonly FieldPath<Values>[],
  setError: UseFormSetError<Values>,
): string | undefined {
  if (!(error instanceof ApiError)) return 'Something went wrong. Try again.'
  const byField = new Map<FieldPath<Values>, string[]>()
  for (const fieldError of error.fieldErrors) {
    const field = fields.find((name) => name === fieldError.path)
    if (!field) continue
    byField.set(field, [...(byField.get(field) ?? []), fieldError.message])
  }
  for (const [field, messages] of byField) {
    setError(field, { type: 'server', message: messages.join('. ') })
  }
  if (byField.size > 0 && error.status === 400) return undefined
  if (byField.size > 0 && error.status === 409) return undefined
  return error.message
}
