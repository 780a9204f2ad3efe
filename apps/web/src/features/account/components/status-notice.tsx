import { CheckCircle2 } from 'lucide-react'
import type { ReactNode } from 'react'

/**
 * A polite live region for the result of a request that went through. Rendered empty rather
 * than absent, so that screen readers are already watching it when the text arrives.
 */
export function StatusNotice({ children }: { children?: ReactNode }) {
  return (
    <div role="status" aria-atomic="true" className="empty:hidden">
      {children ? (
        <div className="flex items-start gap-2 rounded-md border border-emerald-600/40 bg-emerald-600/10 px-3 py-2 text-sm text-foreground">
          <CheckCircle2
            aria-hidden
            className="mt-0.5 size-4 shrink-0 text-emerald-700 dark:text-emerald-400"
          />
          <div className="grid gap-1">{children}</div>
        </div>
      ) : null}
    </div>
  )
}
