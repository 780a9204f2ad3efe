import type { FieldError } from '@taskwise/contracts/problem'
import type { ClientProblem } from './client-problem'

export type { ClientProblem }

/** A refused request: the HTTP status and the problem the server described. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly fieldErrors: FieldError[]
  /** Seconds the server asked to wait (`Retry-After` on a 429 or 503), when it said. */
  readonly retryAfterSeconds: number | undefined

  constructor(status: number, problem: ClientProblem | undefined, retryAfterSeconds?: number) {
    super(problem?.detail ?? problem?.title ?? fallbackMessage(status))
    this.name = 'ApiError'
    this.status = status
    this.code = problem?.code ?? 'unknown'
    this.fieldErrors = problem?.errors ?? []
    this.retryAfterSeconds = retryAfterSeconds
  }
}

/** `Retry-After` in seconds: either a number of seconds or an HTTP date (RFC 9110). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, Math.ceil((date - now) / 1000))
}

function fallbackMessage(status: number): string {
  if (status === 0) return 'The server could not be reached. Check your connection and try again.'
  if (status >= 500) return 'Something went wrong on our side. Try again in a moment.'
  return 'The request was refused.'
}

/**
 * The ApiError for a refusal whose body has been read already. The schema that reads the body
 * (and zod with it) loads with the first refusal, not with the page (docs/decisions/0312); if it
 * cannot load (the connection dropped), the refusal is still an ApiError with its status.
 */
export async function apiErrorOf(
  status: number,
  body: unknown,
  retryAfter: string | null,
): Promise<ApiError> {
  const schema = await import('./client-problem').then(
    (module) => module.clientProblemSchema,
    () => undefined,
  )
  const parsed = schema?.safeParse(body)
  return new ApiError(
    status,
    parsed?.success ? parsed.data : undefined,
    parseRetryAfter(retryAfter),
  )
}

/** The ApiError for a response that is not ok. */
export async function apiErrorFrom(response: Response): Promise<ApiError> {
  let body: unknown
  try {
    body = await response.json()
  } catch {
    body = undefined
  }
  return await apiErrorOf(response.status, body, response.headers.get('retry-after'))
}

/** A sentence for a toast. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message
  return fallbackMessage(0)
}
