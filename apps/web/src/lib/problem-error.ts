import { fieldErrorSchema, type FieldError } from '@taskwise/contracts/problem'
import { z } from 'zod'

/**
 * A problem+json body as the browser sees it. Parsed loosely (the auth routes have codes of their
 * own that the api's catalog does not list): a code and a detail are all a page needs.
 */
const clientProblemSchema = z.object({
  status: z.number().int(),
  code: z.string(),
  title: z.string().optional(),
  detail: z.string().optional(),
  errors: z.array(fieldErrorSchema).optional(),
})

export type ClientProblem = z.infer<typeof clientProblemSchema>

/** A refused request: the HTTP status and the problem the server described. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly fieldErrors: FieldError[]

  constructor(status: number, problem: ClientProblem | undefined) {
    super(problem?.detail ?? problem?.title ?? fallbackMessage(status))
    this.name = 'ApiError'
    this.status = status
    this.code = problem?.code ?? 'unknown'
    this.fieldErrors = problem?.errors ?? []
  }
}

function fallbackMessage(status: number): string {
  if (status === 0) return 'The server could not be reached. Check your connection and try again.'
  if (status >= 500) return 'Something went wrong on our side. Try again in a moment.'
  return 'The request was refused.'
}

/** The ApiError for a response that is not ok. */
export async function apiErrorFrom(response: Response): Promise<ApiError> {
  let problem: ClientProblem | undefined
  try {
    const parsed = clientProblemSchema.safeParse(await response.json())
    if (parsed.success) problem = parsed.data
  } catch {
    problem = undefined
  }
  return new ApiError(response.status, problem)
}

/** A sentence for a toast. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message
  return fallbackMessage(0)
}
