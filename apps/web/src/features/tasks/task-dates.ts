/** Today's calendar date where the person is, as YYYY-MM-DD (due dates have no time zone). */
export function localToday(now = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0')
  const day = String(now.getDate()).padStart(2, '0')
  return `${now.getFullYear()}-${month}-${day}`
}

/** Overdue: a due date before today on a task not done. ISO dates compare as strings. */
export function isOverdue(
  dueDate: string | null,
  completed: boolean,
  today = localToday(),
): boolean {
  return dueDate !== null && !completed && dueDate < today
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/**
 * "Nov 24, 2026": the calendar date as written, as `Intl.DateTimeFormat('en', { dateStyle:
 * 'medium' })` writes it, from the date's own digits (no time zone can move it a day). Written
 * out because building an `Intl` formatter was a cost of the dashboard's first render (0312).
 */
export function formatDueDate(dueDate: string): string {
  const [year = '', month = '', day = ''] = dueDate.split('-')
  return `${MONTHS[Number(month) - 1] ?? ''} ${Number(day)}, ${Number(year)}`
}
