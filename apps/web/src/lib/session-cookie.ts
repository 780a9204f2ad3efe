/**
 * Better Auth's session cookie as the proxy looks for it: `taskwise.session_token`, or
 * `__Secure-taskwise.session_token` under https. Its presence only routes a visitor; the session
 * itself is checked on the server (`auth.api.getSession`).
 * Keep the prefix in step with SESSION_COOKIE_PREFIX in src/server/auth/auth.ts.
 */
export const SESSION_COOKIE_NAMES = [
  'taskwise.session_token',
  '__Secure-taskwise.session_token',
] as const

export function hasSessionCookie(cookies: { has(name: string): boolean }): boolean {
  return SESSION_COOKIE_NAMES.some((name) => cookies.has(name))
}
