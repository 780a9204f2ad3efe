import type * as React from 'react'
import { cn } from '@/lib/utils'

/** A form field's error, announced and tied to its control by `id` (aria-describedby). */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null
  return (
    <p id={id} role="alert" className="text-sm text-destructive">
      {message}
    </p>
  )
}

/**
 * `aria-invalid` and `aria-describedby` for a control whose error, when it has one, is the
 * {@link FieldError} with `errorId`.
 */
export function errorAria(
  errorId: string,
  hasError: boolean,
): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  return hasError ? { 'aria-invalid': true, 'aria-describedby': errorId } : {}
}

export function Field({ className, ...props }: React.ComponentProps<'div'>) {
  return <div className={cn('grid gap-2', className)} {...props} />
}
