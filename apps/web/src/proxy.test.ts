import { NextRequest } from 'next/server'
import { expect, test } from 'vitest'
import { NONCE_HEADER } from '@/lib/content-security-policy'
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

test('the settings page is a signed-in page too; other pages are open to anyone', () => {
  expect(proxy(visit('/settings')).headers.get('location')).toBe(
    'http://localhost:3000/login?next=%2Fsettings',
  )
  expect(proxy(visit('/login')).headers.get('location')).toBeNull()
  expect(proxy(visit('/dashboarding')).headers.get('location')).toBeNull()
})

test('every page gets a policy with a nonce of its own, which the page learns from the request', () => {
  const first = proxy(visit('/'))
  const second = proxy(visit('/'))
  const policy = first.headers.get('content-security-policy') ?? ''
  const nonce = first.headers.get(`x-middleware-request-${NONCE_HEADER}`)
  expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/)
  expect(policy).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`)
  expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/)
  expect(policy).toContain("frame-ancestors 'none'")
  // Next reads the policy from the request to put the nonce on its own scripts.
  expect(first.headers.get('x-middleware-request-content-security-policy')).toBe(policy)
  expect(second.headers.get(`x-middleware-request-${NONCE_HEADER}`)).not.toBe(nonce)
})

test('the proxy runs for pages, never for /api, Next assets or files', () => {
  const [matcher = ''] = config.matcher
  const matches = (path: string) => new RegExp(`^${matcher}$`).test(path)
  for (const page of ['/', '/login', '/dashboard', '/settings/x', '/reset-password']) {
    expect(matches(page), page).toBe(true)
  }
  for (const other of ['/api/auth/me', '/api/x/tasks', '/_next/static/a.js', '/favicon.ico']) {
    expect(matches(other), other).toBe(false)
  }
})
