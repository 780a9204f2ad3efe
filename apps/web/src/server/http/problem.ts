import {
  makeProblem,
  PROBLEM_CONTENT_TYPE,
  type FieldError,
  type ProblemCode,
} from '@taskwise/contracts/problem'

/**
 * An RFC 9457 problem+json response, the shape of every error the auth routes answer: the body
 * is built by the one `makeProblem` the api uses too (docs/decisions/0105), the status is the
 * code's, and nothing is cached.
 */
export function problemResponse(
  code: ProblemCode,
  detail: string,
  options: { errors?: FieldError[]; headers?: HeadersInit } = {},
): Response {
  const body = makeProblem(code, detail, options.errors)
  const headers = new Headers(options.headers)
  headers.set('content-type', PROBLEM_CONTENT_TYPE)
  headers.set('cache-control', 'no-store')
  return new Response(JSON.stringify(body), { status: body.status, headers })
}

/** One field's problem, as `errors[]` carries it. */
export function bodyFieldError(path: string, code: string, message: string): FieldError {
  return { location: 'body', path, code, message }
}
