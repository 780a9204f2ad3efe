import { z } from 'zod'

/**
 * Error bodies of the Taskwise API: RFC 9457 problem details, served as
 * `application/problem+json`. Clients branch on `code` (stable), never on `title` or `detail`
 * (human text that may change). Browser-safe: no Node-only imports.
 */

export const PROBLEM_CONTENT_TYPE = 'application/problem+json'

/**
 * Every `code` Taskwise answers with (the api and the web app's auth routes), its HTTP status,
 * and its fixed title.
 */
export const problemCatalog = {
  validation_failed: { status: 400, title: 'The request is not valid' },
  malformed_json: { status: 400, title: 'The request body is not valid JSON' },
  invalid_cursor: { status: 400, title: 'The cursor is not valid for this list' },
  invalid_token: { status: 401, title: 'Authentication is required' },
  forbidden: { status: 403, title: 'This resource belongs to someone else' },
  csrf_rejected: { status: 403, title: 'Cross-site request refused' },
  not_found: { status: 404, title: 'Not found' },
  payload_too_large: { status: 413, title: 'The request body is too large' },
  unsupported_media_type: { status: 415, title: 'The request body must be JSON' },
  rate_limited: { status: 429, title: 'Too many requests' },
  task_limit_reached: { status: 409, title: 'The most tasks an account may hold is reached' },
  bad_request: { status: 400, title: 'Bad request' },
  internal_error: { status: 500, title: 'Internal server error' },
  database_unavailable: { status: 503, title: 'The database is unavailable' },
  auth_unavailable: { status: 503, title: 'The signing keys are unavailable' },
  service_unavailable: { status: 503, title: 'The service is unavailable' },
  bad_gateway: { status: 502, title: 'The upstream service gave no answer' },
  // Authentication (apps/web, /api/auth/*)
  password_policy: { status: 400, title: 'The password does not meet the policy' },
  email_taken: { status: 409, title: 'This email address is already registered' },
  invalid_credentials: { status: 401, title: 'The email address or password is not correct' },
  account_locked: { status: 429, title: 'Too many sign-in attempts for this account' },
  server_misconfigured: { status: 500, title: 'The server is misconfigured' },
  // The account security centre (apps/web, /api/auth/*)
  invalid_password: { status: 400, title: 'The current password is not correct' },
  reset_token_invalid: { status: 400, title: 'The reset link is not valid or has expired' },
  email_token_invalid: { status: 400, title: 'The confirmation link is not valid or has expired' },
  same_email: { status: 400, title: 'This is already the account email address' },
  // Two-factor sign-in and passkeys (apps/web, /api/auth/*)
  invalid_code: { status: 400, title: 'The code is not correct' },
  two_factor_challenge_invalid: {
    status: 401,
    title: 'There is no sign-in waiting for a second factor',
  },
  two_factor_enabled: { status: 409, title: 'Two-factor sign-in is already on' },
  two_factor_not_enabled: { status: 409, title: 'Two-factor sign-in is not on' },
  two_factor_not_pending: { status: 409, title: 'There is no authenticator being set up' },
} as const satisfies Record<string, { status: number; title: string }>

export type ProblemCode = keyof typeof problemCatalog

export const problemCodeSchema = z.enum(
  Object.keys(problemCatalog) as [ProblemCode, ...ProblemCode[]],
)

/** One field-level finding of a 400: where (`location`, dotted `path`) and what (`code`, `message`). */
export const fieldErrorSchema = z.object({
  location: z.enum(['body', 'query', 'params', 'headers']),
  path: z.string().describe('Dotted path of the field, e.g. "title"; empty for the whole object'),
  code: z.string().describe('zod issue code, e.g. "too_big", or "unknown_field"'),
  message: z.string(),
})

export type FieldError = z.infer<typeof fieldErrorSchema>

export const problemSchema = z
  .object({
    type: z.string().describe('A URI naming the problem type'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: problemCodeSchema,
    errors: z.array(fieldErrorSchema).optional(),
  })
  .meta({ id: 'Problem' })

export type Problem = z.infer<typeof problemSchema>

/** The `type` URI of a problem code. A URN: stable, and it promises no page behind it. */
export function problemType(code: ProblemCode): string {
  return `urn:taskwise:problem:${code}`
}

export function makeProblem(code: ProblemCode, detail: string, errors?: FieldError[]): Problem {
  const { status, title } = problemCatalog[code]
  return {
    type: problemType(code),
    title,
    status,
    detail,
    code,
    ...(errors && errors.length > 0 ? { errors } : {}),
  }
}

/** Narrows an unknown parsed response body to a problem (for clients). */
export function isProblem(value: unknown): value is Problem {
  return problemSchema.safeParse(value).success
}
