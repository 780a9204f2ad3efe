import { isProblem } from '@taskwise/contracts/problem'

/**
 * What the command tells the shell: 0 done, 1 an unexpected failure, 2 a request the server (or
 * the command line) refused as invalid, 3 not signed in or the sign-in ended, 4 not found or not
 * yours, 5 Taskwise unreachable or unavailable. Scripts branch on these; people read the line.
 */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  signIn: 3,
  notFound: 4,
  unavailable: 5,
} as const

export type ExitCode = (typeof EXIT)[keyof typeof EXIT]

/** A failure with its one-line message and exit code. */
export class CliError extends Error {
  override name = 'CliError'
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    /** The HTTP status that caused it, if any. */
    readonly status?: number,
  ) {
    super(message)
  }
}

export const SIGN_IN_AGAIN = 'Your sign-in has expired or was ended. Sign in again: taskwise login'

/** The CliError for an answer that is not a success. */
export function errorFromResponse(
  status: number,
  body: unknown,
  retryAfter?: string | null,
): CliError {
  const error = describe(status, body, retryAfter)
  return new CliError(error.message, error.exitCode, status)
}

function describe(status: number, body: unknown, retryAfter?: string | null): CliError {
  const problem = isProblem(body) ? body : undefined
  if (status === 401) return new CliError(SIGN_IN_AGAIN, EXIT.signIn)
  if (status === 403) {
    return new CliError(problem?.detail ?? 'That belongs to another account.', EXIT.notFound)
  }
  if (status === 404) return new CliError('Not found: no such task in your account.', EXIT.notFound)
  if (status === 429) {
    return new CliError(
      `Too many requests. Try again in ${retryAfter ?? 'a minute'} s.`,
      EXIT.unavailable,
    )
  }
  if (status >= 500) {
    return new CliError(
      `Taskwise is unavailable right now (HTTP ${status}). Try again shortly.`,
      EXIT.unavailable,
    )
  }
  const field = problem?.errors?.[0]
  const detail = field ? `${field.path}: ${field.message}` : (problem?.detail ?? `HTTP ${status}`)
  return new CliError(detail, EXIT.usage)
}

/** A fetch that failed before any answer: the server is not there. */
export function unreachable(url: string, error: unknown): CliError {
  const cause = (error as { cause?: { code?: string } }).cause?.code
  return new CliError(
    `Cannot reach Taskwise at ${url}${cause ? ` (${cause})` : ''}. Is it running? Choose another with --api or TASKWISE_URL.`,
    EXIT.unavailable,
  )
}
