import { createTaskClient } from '@taskwise/api-client/tasks'
import { signInAgain } from './api-client'
import { ApiError, apiErrorOf } from './problem-error'

/**
 * The task api's client for the browser, generated from its OpenAPI document
 * (packages/api-client): paths, parameters, bodies and answers are checked by the compiler. It
 * calls through the page's own origin (next.config.ts forwards /api/:userId/tasks*), so the
 * httpOnly cookie carries the JWT and no token is in JavaScript's reach.
 */

/** Sends the client's request (always a Request) as a same-origin fetch of its path, with the cookies. */
async function sameOriginFetch(input: RequestInfo | URL): Promise<Response> {
  const request = input instanceof Request ? input : new Request(input)
  const url = new URL(request.url)
  const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text()
  return fetch(`${url.pathname}${url.search}`, {
    method: request.method,
    headers: request.headers,
    credentials: 'same-origin',
    signal: request.signal,
    ...(request.keepalive ? { keepalive: true } : {}),
    ...(body ? { body } : {}),
  })
}

export const taskApi = createTaskClient({
  // The client needs an absolute base; sameOriginFetch sends only the path.
  baseUrl: typeof window === 'undefined' ? 'http://localhost' : window.location.origin,
  fetch: sameOriginFetch,
})

interface Answer<T> {
  data?: T
  error?: unknown
  response: Response
}

/**
 * The data of a success. A refusal throws an {@link ApiError} (a 401 also starts a fresh
 * sign-in); a request that never got an answer throws an ApiError with status 0.
 */
export async function settle<T>(call: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>
  try {
    answer = await call
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new ApiError(0, undefined)
  }
  const { data, error, response } = answer
  if (response.ok) return data as T
  if (response.status === 401) void signInAgain()
  throw await apiErrorOf(response.status, error, response.headers.get('retry-after'))
}
