import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form'
import { ApiError } from '@/lib/problem-error'
import { waitPhrase } from './retry-after'

/**
 * A 429 in words, with the wait the server gave in `Retry-After` ("Try again in 2 minutes");
 * undefined for any other error.
 */
export function tooManyAttemptsSentence(error: unknown): string | undefined {
  if (!(error instanceof ApiError) || error.status !== 429) return undefined
  const when = waitPhrase(error.retryAfterSeconds ?? 60)
  return error.code === 'account_locked'
    ? `Too many sign-in attempts for this account. Try again ${when}.`
    : `Too many attempts. Try again ${when}.`
}

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
  const tooMany = tooManyAttemptsSentence(error)
  if (tooMany) return tooMany
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
