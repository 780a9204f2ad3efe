import { NextResponse, type NextRequest } from 'next/server'
import { contentSecurityPolicy, NONCE_HEADER, newNonce } from '@/lib/content-security-policy'
import { REQUEST_PATH_HEADER } from '@/lib/request-path'
import { loginUrlFor } from '@/lib/safe-next'
import { hasSessionCookie } from '@/lib/session-cookie'

/** The pages only signed-in people see. */
const SIGNED_IN_PAGES = /^\/(?:dashboard|settings)(?:\/|$)/

/**
 * Runs before every page renders. It gives each page a fresh nonce and the Content-Security-Policy
 * that allows only scripts carrying it: Next reads the policy from the request and puts the
 * nonce on its own scripts (docs/decisions/0521-security-headers.md).
 *
 * It also routes visitors of the signed-in pages, looking only at whether a session cookie is
 * present: with none, the visitor is sent to sign in and brought back afterwards; with one, the
 * page's own server check (getCurrentUser) decides, so a stale cookie ends on the sign-in page
 * once, never in a loop. Signed-in visitors of /login and /register are sent on by those pages
 * after checking the session (docs/decisions/0400-auth-redirects.md).
 */
export function proxy(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl
  const path = `${pathname}${search}`
  if (SIGNED_IN_PAGES.test(pathname) && !hasSessionCookie(request.cookies)) {
    return NextResponse.redirect(new URL(loginUrlFor(path), request.url))
  }
  const nonce = newNonce()
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === 'development' })
  const headers = new Headers(request.headers)
  headers.set(REQUEST_PATH_HEADER, path)
  headers.set(NONCE_HEADER, nonce)
  headers.set('content-security-policy', policy)
  const response = NextResponse.next({ request: { headers } })
  response.headers.set('content-security-policy', policy)
  return response
}

export const config = {
  // Every page: not /api/*, Next's assets, or files with an extension (icons, robots.txt).
  matcher: ['/((?!api/|_next/static|_next/image|.*\\.[a-z0-9]+$).*)'],
}
