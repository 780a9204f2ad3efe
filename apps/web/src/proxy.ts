import { NextResponse, type NextRequest } from 'next/server'
import { REQUEST_PATH_HEADER } from '@/lib/request-path'
import { loginUrlFor } from '@/lib/safe-next'
import { hasSessionCookie } from '@/lib/session-cookie'

/**
 * Routes visitors of the signed-in pages before anything renders. It only looks at whether a
 * session cookie is present: with none, the visitor is sent to sign in and brought back
 * afterwards; with one, the page's own server check (getCurrentUser) decides, so a stale cookie
 * ends on the sign-in page once, never in a loop. Signed-in visitors of /login and /register are
 * sent on by those pages after checking the session (docs/decisions/0400-auth-redirects.md).
 */
export function proxy(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl
  const path = `${pathname}${search}`
  if (!hasSessionCookie(request.cookies)) {
    return NextResponse.redirect(new URL(loginUrlFor(path), request.url))
  }
  const headers = new Headers(request.headers)
  headers.set(REQUEST_PATH_HEADER, path)
  return NextResponse.next({ request: { headers } })
}

export const config = {
  // Only the signed-in pages: never /api/*, Next's assets or static files.
  matcher: ['/dashboard/:path*', '/settings/:path*'],
}
