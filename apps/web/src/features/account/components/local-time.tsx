import { formatDateTime, formatRelative } from '../format-time'

/**
 * A moment as a `<time>` element: relative ("5 minutes ago") or the full date and time, in the
 * reader's locale. Only rendered in the browser (the lists load there), so the server's time
 * zone never meets the reader's.
 */
export function LocalTime({ iso, relative = false }: { iso: string; relative?: boolean }) {
  const full = formatDateTime(iso)
  return (
    <time dateTime={iso} title={relative ? full : undefined}>
      {relative ? formatRelative(iso) : full}
    </time>
  )
}
