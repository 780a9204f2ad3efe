import {
  PROBLEM_CONTENT_TYPE,
  problemCatalog,
  type FieldError,
  type ProblemCode,
} from '@taskwise/contracts/problem'

/**
 * RFC 9457 problem details, the shape of every error the auth contract answers:
 * `{type, title, status, detail, code, errors?}` as `application/problem+json`, never a stack.
 * Same conventions and the same code catalogue as the api (docs/decisions/0105): `type` is
 * `urn:taskwise:problem:<code>`, titles come from the catalogue, field errors carry `location`.
 */

/** A field-level finding: `{location, path, code, message}`, e.g. code `password_missing_digit`. */
export type ProblemFieldError = FieldError

export interface Problem {
  type: string
  title: string
  status: number
  detail: string
  code: ProblemCode
  errors?: ProblemFieldError[]
}

export { PROBLEM_CONTENT_TYPE }

export interface ProblemInit {
  status: number
  code: ProblemCode
  detail: string
  errors?: ProblemFieldError[]
  headers?: HeadersInit
}

/** A problem+json response. `type` names the code, so clients can branch on either. */
export function problemResponse({ status, code, detail, errors, headers }: ProblemInit): Response {
  const body: Problem = {
    type: `urn:taskwise:problem:${code}`,
    title: problemCatalog[code].title,
    status,
    detail,
    code,
    ...(errors && errors.length > 0 ? { errors } : {}),
  }
  const responseHeaders = new Headers(headers)
  responseHeaders.set('content-type', PROBLEM_CONTENT_TYPE)
  responseHeaders.set('cache-control', 'no-store')
  return new Response(JSON.stringify(body), { status, headers: responseHeaders })
}
