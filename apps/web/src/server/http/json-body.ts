import { passwordRuleCodeOf } from '@taskwise/contracts/password-rules'
import { type FieldError } from '@taskwise/contracts/problem'
import type { z } from 'zod'
import { problemResponse } from './problem'

/** A request body larger than this is refused before it is parsed. */
const MAX_BODY_BYTES = 16 * 1024

export type BodyResult<T> = { ok: true; value: T } | { ok: false; response: Response }

/**
 * zod issues as `errors[]`: one entry per problem, named by its dotted path; an unknown field is
 * named by its own path, as the api names it (docs/decisions/0105-problem-details.md).
 */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        location: 'body' as const,
        path: [...issue.path, key].join('.'),
        code: 'unknown_field',
        message: `Unknown field "${key}"`,
      }))
    }
    const path = issue.path.join('.') || '(body)'
    const code =
      passwordRuleCodeOf(issue) ??
      (issue.code === 'invalid_format'
        ? `invalid_${issue.format}`
        : issue.code === 'invalid_type'
          ? issue.input === undefined
            ? 'required'
            : 'invalid_type'
          : issue.code)
    return { location: 'body', path, code, message: issue.message }
  })
}

/**
 * Reads a JSON body and validates it: 415 for another media type, 413 past 16 KiB, 400 for bad
 * JSON, and 400 listing every problem (`password_policy` when the only problems are unmet
 * password rules) for a body that does not match.
 */
export async function readJsonBody<T extends z.ZodType>(
  request: Request,
  bodySchema: T,
): Promise<BodyResult<z.output<T>>> {
  const contentType = request.headers.get('content-type') ?? ''
  if (!/^application\/json\s*(;|$)/i.test(contentType)) {
    return {
      ok: false,
      response: problemResponse('unsupported_media_type', 'Send the body as application/json.'),
    }
  }
  const text = await request.text()
  if (new TextEncoder().encode(text).length > MAX_BODY_BYTES) {
    return {
      ok: false,
      response: problemResponse('payload_too_large', 'The request body is too large.'),
    }
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return {
      ok: false,
      response: problemResponse('malformed_json', 'The request body is not valid JSON.'),
    }
  }
  const parsed = bodySchema.safeParse(raw)
  if (parsed.success) return { ok: true, value: parsed.data }
  const errors = fieldErrors(parsed.error.issues)
  const onlyPassword = errors.every((error) => error.code.startsWith('password_'))
  return {
    ok: false,
    response: onlyPassword
      ? problemResponse(
          'password_policy',
          'The password does not meet the policy; every unmet rule is listed.',
          { errors },
        )
      : problemResponse('validation_failed', 'The request is not valid; every problem is listed.', {
          errors,
        }),
  }
}
