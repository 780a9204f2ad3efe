/** The pieces every auth operation is described with (./auth-operations.ts). */

export type SuccessStatus = 200 | 201 | 202 | 204
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 503

export interface AuthOperation {
  method: 'get' | 'post'
  path: string
  summary: string
  /** Needs a signed-in caller: a session cookie, the JWT cookie, or `Authorization: Bearer`. */
  signedIn: boolean
  /** The component schema of the JSON body, for routes that read one. */
  body?: string
  success: {
    status: SuccessStatus
    description: string
    /** The component schema of the JSON answer; none for a 204. */
    schema?: string
    /** The answer sets (or clears) the auth cookies. */
    cookies?: 'set' | 'cleared' | 'cleared when the current session ends'
  }
  problems: Partial<Record<ProblemStatus, string>>
  /** What the `{id}` in the path is, when it is not a session's. */
  pathParameter?: string
}

export const body = {
  400: 'The body is not valid JSON, or a field is missing or invalid (`errors` lists them)',
  413: 'The body is over 16 KiB',
  415: 'The body is not application/json',
} as const

export const signedIn = {
  401: 'Not signed in: no session cookie or token, or one that has ended (with WWW-Authenticate)',
  403: 'A cookie-carrying change from another origin',
} as const

export const nativeRefusals = {
  403: 'A cookie-carrying request from another origin',
  429: 'Too many requests from this address (with Retry-After)',
} as const

export const passwordCheck = {
  429: 'Too many wrong passwords for this account (with Retry-After)',
} as const
