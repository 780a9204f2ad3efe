import { PROBLEM_CONTENT_TYPE, problemSchema } from '@taskwise/contracts/problem'
import type { OpenApiHeaders } from '../plugins/external/openapi-document'

const descriptions = {
  400: 'Malformed UUID, bad JSON, an unknown or invalid field (`errors` lists them)',
  401: 'No token, or a token that is invalid, expired or signed out (with WWW-Authenticate)',
  403: "The {user_id} is not the token's user, or a cross-site cookie request",
  404: "No such task for this user (another user's task looks exactly the same)",
  413: 'The body is over 16 KiB',
  409: 'The task cap is reached: the account already holds the most tasks it may (nothing written)',
  415: 'The body is not JSON',
  429: 'Past the per-user request limit (with Retry-After)',
  502: 'Through the web app only: the api took the request but gave no answer (never sent by the api itself)',
  503: 'The database or the signing keys are unavailable, the api is shutting down, or (through the web app) the api cannot be reached; with Retry-After',
} as const

type ProblemStatus = keyof typeof descriptions

const retryAfter = {
  description: 'Seconds to wait before retrying',
  required: true,
  schema: { type: 'string', pattern: '^[0-9]+$' },
}

/** The headers that come with a problem of this status, whichever route answers it. */
const problemHeaders: Partial<Record<ProblemStatus, OpenApiHeaders>> = {
  401: {
    'WWW-Authenticate': {
      description: '`Bearer` when no token was sent, `Bearer error="invalid_token"` otherwise',
      required: true,
      schema: { type: 'string', pattern: '^Bearer' },
    },
  },
  429: { 'Retry-After': retryAfter },
  503: { 'Retry-After': retryAfter },
}

/** One problem-detail response, served and documented as `application/problem+json`. */
export function problemResponse(status: ProblemStatus, description: string = descriptions[status]) {
  return {
    description,
    headers: problemHeaders[status],
    content: { [PROBLEM_CONTENT_TYPE]: { schema: problemSchema } },
  }
}

/**
 * Problem-detail responses for a route's schema: documented (with their headers, see
 * plugins/external/openapi-document.ts), and used as output filters too.
 */
export function problemResponses<const S extends ProblemStatus>(...statuses: S[]) {
  return Object.fromEntries(statuses.map((status) => [status, problemResponse(status)])) as Record<
    S,
    ReturnType<typeof problemResponse>
  >
}
