import { problemSchema } from '@taskwise/contracts/problem'

const descriptions = {
  400: 'Malformed UUID, bad JSON, an unknown or invalid field (`errors` lists them)',
  401: 'No token, or a token that is invalid, expired or signed out (with WWW-Authenticate)',
  403: "The {user_id} is not the token's user, or a cross-site cookie request",
  404: "No such task for this user (another user's task looks exactly the same)",
  413: 'The body is over 16 KiB',
  415: 'The body is not JSON',
  503: 'The database or the signing keys are unavailable (with Retry-After)',
} as const

type ProblemStatus = keyof typeof descriptions

/** Problem-detail responses for a route's schema: documented, and used as output filters too. */
export function problemResponses<const S extends ProblemStatus>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((status) => [status, problemSchema.describe(descriptions[status])]),
  ) as Record<S, typeof problemSchema>
}
