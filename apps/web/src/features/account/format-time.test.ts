import { expect, test } from 'vitest'
import { formatDateTime, formatRelative } from './format-time'

const now = Date.parse('2026-11-27T12:00:00.000Z')

test('a moment within the last minute reads "just now"', () => {
  expect(formatRelative('2026-11-27T11:59:30.000Z', now, 'en')).toBe('just now')
})

test('minutes, hours and days within the last week read as time ago', () => {
  expect(formatRelative('2026-11-27T11:55:00.000Z', now, 'en')).toBe('5 minutes ago')
  expect(formatRelative('2026-11-27T09:00:00.000Z', now, 'en')).toBe('3 hours ago')
  expect(formatRelative('2026-11-26T11:00:00.000Z', now, 'en')).toBe('yesterday')
})

test('anything older than a week reads as its date and time', () => {
  const iso = '2026-10-01T08:30:00.000Z'
  expect(formatRelative(iso, now, 'en')).toBe(formatDateTime(iso, 'en'))
  expect(formatDateTime(iso, 'en')).toMatch(/Oct 1, 2026/)
})
