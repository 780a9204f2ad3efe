'use client'

import Link from 'next/link'

export interface InvalidLinkNoticeProps {
  title: string
  reason: string
  href: string
  action: string
  /** Set when the notice replaces the control that had focus (a form, a button). */
  takeFocus?: boolean
}

/** Focuses an element once, when it mounts (a stable callback is not called again on re-render). */
export function focusOnMount(node: HTMLElement | null): void {
  node?.focus()
}

/** What a reset or confirmation page says when its link cannot be used, and the way on. */
export function InvalidLinkNotice({
  title,
  reason,
  href,
  action,
  takeFocus,
}: InvalidLinkNoticeProps) {
  return (
    <div
      role="alert"
      ref={takeFocus ? focusOnMount : undefined}
      tabIndex={takeFocus ? -1 : undefined}
      className="grid gap-2 rounded-md border border-destructive/50 bg-destructive/10 px-3 py-3 text-sm text-foreground outline-none"
    >
      <p className="font-medium">{title}</p>
      <p>{reason}</p>
      <p>
        <Link href={href} className="font-medium underline underline-offset-4">
          {action}
        </Link>
      </p>
    </div>
  )
}
