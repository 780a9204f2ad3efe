import { expect, test } from 'vitest'
import { formatDueDate } from './task-dates'

test('a due date reads as it did when Intl wrote it ("Nov 24, 2026")', () => {
  expect(formatDueDate('2026-11-24')).toBe('Nov 24, 2026')
  expect(formatDueDate('2026-09-01')).toBe('Sep 1, 2026')
  const intl = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' })
  // Every day of a leap year, and the first and last years a due date can have.
  const days = Array.from({ length: 366 }, (_, index) =>
    new Date(Date.UTC(2028, 0, 1 + index)).toISOString().slice(0, 10),
  )
  for (const date of [...days, '0001-01-05', '0999-12-31', '9999-12-31']) {
    expect(formatDueDate(date)).toBe(intl.format(new Date(`${date}T00:00:00Z`)))
  }
})
