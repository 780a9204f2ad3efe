import { NextRequest } from 'next/server'
import { expect, test } from 'vitest'
import { REQUEST_PATH_HEADER } from '@/lib/request-path'
import { config, proxy } from './proxy'

function visit(path: string, cookie?: string): NextRequest {
  return new NextRequest(new URL(path, 'http://localhost:3000'), {
    headers: cookie ? { cookie } : {},
  })
}

test('an anonymous visitor of a signed-in page is sent to sign in, with the path and query to return to', () => {
  const response = proxy(visit('/dashboard?status=pending&q=milk'))
  expect(response.status).toBe(307)
  expect(response.headers.get('location')).toBe(
    'http://localhost:3000/login?next=%2Fdashboard%3Fstatus%3Dpending%26q%3Dmilk',
  )
})

test('a visitor with a session cookie goes through, and the page learns the path asked for', () => {
  const response = proxy(visit('/dashboard?x=1', 'taskwise.session_token=abc.def'))
  expect(response.headers.get('location')).toBeNull()
  // NextResponse.next() carries overridden request headers as x-middleware-request-*.
  expect(response.headers.get(`x-middleware-request-${REQUEST_PATH_HEADER}`)).toBe('/dashboard?x=1')
})

test('the settings page is a signed-in page too, and only the signed-in pages are matched', () => {
  const response = proxy(visit('/settings'))
  expect(response.headers.get('location')).toBe('http://localhost:3000/login?next=%2Fsettings')
  expect(config.matcher).toEqual(['/dashboard/:path*', '/settings/:path*'])
})
