/**
 * A message about the whole form (not one field), announced when it appears. Rendered empty
 * rather than absent, so that screen readers are already watching the region when text arrives.
 */
export function FormAlert({ message }: { message: string | undefined }) {
  return (
    <div role="alert" aria-atomic="true" className="empty:hidden">
      {message ? (
        <p className="rounded-md border border-destructive/50 bg-destructive/10 px-3 py-2 text-sm text-foreground">
          {message}
        </p>
      ) : null}
    </div>
  )
}
