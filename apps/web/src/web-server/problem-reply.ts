import { makeProblem, PROBLEM_CONTENT_TYPE, type ProblemCode } from '@taskwise/contracts/problem'

/**
 * A problem+json answer written by the web server itself (outside Next): the same body
 * `makeProblem` gives the api and the auth routes, never cached.
 */
export function problemResponseParts(
  code: ProblemCode,
  detail: string,
  extraHeaders: Record<string, string> = {},
): { status: number; headers: Record<string, string>; body: string } {
  const problem = makeProblem(code, detail)
  const body = JSON.stringify(problem)
  return {
    status: problem.status,
    headers: {
      'content-type': PROBLEM_CONTENT_TYPE,
      'content-length': String(Buffer.byteLength(body)),
      'cache-control': 'no-store',
      ...extraHeaders,
    },
    body,
  }
}
