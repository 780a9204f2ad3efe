/** Where a sign-in goes when `next` is missing or refused. */
export const DEFAULT_AFTER_SIGN_IN = '/dashboard'

const BASE = 'http://taskwise.invalid'

/**
 * The same-origin path a `next` parameter names, or the dashboard. Anything that could leave the
 * site is refused: absolute URLs, protocol-relative `//host`, backslash tricks (`/\host`), other
 * schemes and control characters. What is returned is always a path that starts with one `/`.
 */
export function safeNextPath(value: string | null | undefined): string {
  if (!value || value.length > 2_000) return DEFAULT_AFTER_SIGN_IN
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return DEFAULT_AFTER_SIGN_IN
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return DEFAULT_AFTER_SIGN_IN
  let url: URL
  try {
    url = new URL(value, BASE)
  } catch {
    return DEFAULT_AFTER_SIGN_IN
  }
  if (url.origin !== BASE) return DEFAULT_AFTER_SIGN_IN
  // Dot segments are resolved by the parse: `/x/..//evil.example` and `/.//evil.example` come
  // out as `//evil.example`, which a browser reads as another host.
  if (url.pathname.startsWith('//')) return DEFAULT_AFTER_SIGN_IN
  const path = `${url.pathname}${url.search}${url.hash}`
  // Going back to a sign-in page after signing in would be a loop.
  if (url.pathname === '/login' || url.pathname === '/register') return DEFAULT_AFTER_SIGN_IN
  return path
}

/** `/login?next=…` for a path on this site (the path is checked again when it is used). */
export function loginUrlFor(path: string, reason?: 'session-expired' | 'signed-out'): string {
  const params = new URLSearchParams()
  const next = safeNextPath(path)
  if (next !== DEFAULT_AFTER_SIGN_IN || path === DEFAULT_AFTER_SIGN_IN) params.set('next', next)
  if (reason) params.set('reason', reason)
  const query = params.toString()
  return query ? `/login?${query}` : '/login'
}
