import { toast } from 'sonner'
import { ApiError, errorMessage } from '@/lib/problem-error'

/**
 * Tells the person a change did not go through. Not for a 401: the api client is already taking
 * them to sign in again, with a message there, and a toast would only flash.
 */
export function toastRefusal(title: string, error: unknown): void {
  if (error instanceof ApiError && error.status === 401) return
  toast.error(title, { description: errorMessage(error) })
}
