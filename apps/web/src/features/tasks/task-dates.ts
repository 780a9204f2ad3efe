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

const formatter = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' })

/** "Nov 24, 2026": the calendar date as written, read in UTC so no zone moves it a day. */
export function formatDueDate(dueDate: string): string {
  return formatter.format(new Date(`${dueDate}T00:00:00Z`))
}
