import { describe, expect, test } from 'vitest'
import { loginUrlFor, safeNextPath } from './safe-next'

describe('safeNextPath', () => {
  test('keeps a path on this site with its query', () => {
    expect(safeNextPath('/dashboard?status=pending&q=milk')).toBe(
      '/dashboard?status=pending&q=milk',
    )
  })

  test.each([
    'https://evil.example/',
    '//evil.example/path',
    '/\\evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    '/%0d%0aLocation:%20https://evil.example'.replace('%0d%0a', '\r\n'),
    '/dashboard/..//evil.example',
    '/.//evil.example',
    '/%2e%2e//evil.example',
    'dashboard',
    '',
    null,
  ])('refuses %s and sends to the dashboard instead', (value) => {
    expect(safeNextPath(value)).toBe('/dashboard')
  })

  test('never sends a signed-in person back to the sign-in page', () => {
    expect(safeNextPath('/login?next=/dashboard')).toBe('/dashboard')
  })
})

test('loginUrlFor carries the path to return to and the reason', () => {
  expect(loginUrlFor('/dashboard?q=a', 'session-expired')).toBe(
    '/login?next=%2Fdashboard%3Fq%3Da&reason=session-expired',
  )
})
