const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** "27 Nov 2026, 14:05" in the reader's locale and time zone. */
export function formatDateTime(iso: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  )
}

/**
 * "just now", "5 minutes ago", "yesterday" for the last week; the date and time beyond it, where
 * "23 days ago" would make the reader count.
 */
export function formatRelative(iso: string, now = Date.now(), locale?: string): string {
  const elapsed = now - new Date(iso).getTime()
  if (elapsed < MINUTE) return 'just now'
  if (elapsed >= 7 * DAY) return formatDateTime(iso, locale)
  const words = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  if (elapsed < HOUR) return words.format(-Math.floor(elapsed / MINUTE), 'minute')
  if (elapsed < DAY) return words.format(-Math.floor(elapsed / HOUR), 'hour')
  return words.format(-Math.floor(elapsed / DAY), 'day')
}
