import { ApiError, apiErrorFrom } from './problem-error'
import { loginUrlFor } from './safe-next'

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  body?: unknown
  signal?: AbortSignal
  /** Lets the request outlive the page (a delete sent while the tab closes). */
  keepalive?: boolean
}

let redirecting = false

/**
 * A rejected or expired token: end the session (so the proxy does not bounce /login straight back
 * to the dashboard) and send the person to sign in again, with a message and the way back.
 */
export async function signInAgain(): Promise<void> {
  if (redirecting || typeof window === 'undefined') return
  redirecting = true
  try {
    await fetch('/api/auth/logout', { method: 'POST', credentials: 'same-origin' })
  } catch {
    // Signing in again replaces the cookies anyway.
  }
  const here = `${window.location.pathname}${window.location.search}`
  window.location.assign(loginUrlFor(here, 'session-expired'))
}

/**
 * Calls the task api through the web origin (next.config.ts rewrites /api/:userId/tasks*), so the
 * httpOnly cookie carries the JWT and no token is ever in JavaScript's reach. A refusal throws an
 * {@link ApiError}; a 401 also starts a fresh sign-in.
 */
export async function apiRequest(path: string, request: ApiRequest = {}): Promise<unknown> {
  const { method = 'GET', body, signal, keepalive } = request
  let response: Response
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(signal ? { signal } : {}),
      ...(keepalive ? { keepalive } : {}),
    })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new ApiError(0, undefined)
  }
  if (response.status === 401) {
    void signInAgain()
    throw await apiErrorFrom(response)
  }
  if (!response.ok) throw await apiErrorFrom(response)
  if (response.status === 204) return undefined
  return response.json()
}
