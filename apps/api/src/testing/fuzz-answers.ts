import { problemSchema, type Problem } from '@taskwise/contracts/problem'
import type { LightMyRequestResponse } from 'fastify'
import { expect } from 'vitest'
import { BODY_LIMIT_BYTES } from '../app'
import type { RefResolver } from './fuzz-schema'
import { declaredNames, type Operation } from './fuzz-operations'

/**
 * What the api fuzz (routes/fuzz.test.ts) requires of every answer: below 500; a 4xx is a
 * problem (application/problem+json, the Problem shape, its own status); a 400 names the field
 * (see `expectNamesTheField`); a 401 says how to authenticate; a 413 came with a large body.
 */

/** A request as the fuzz sent it. */
export interface Sent {
  method: string
  url: string
  headers: Record<string, string | string[]>
  body?: string
}

/** The body as the api's parser reads it (which skips a byte order mark), or undefined. */
export function parsedBody(raw: string | undefined): { value: unknown } | undefined {
  try {
    return raw === undefined ? undefined : { value: JSON.parse(raw.replace(/^\uFEFF/, '')) }
  } catch {
    return undefined
  }
}

/** Dotted paths of everything in a JSON value ('' for the value itself), to a depth of 10. */
export function dottedPaths(value: unknown, prefix = '', depth = 0): string[] {
  if (typeof value !== 'object' || value === null || depth === 10) return [prefix]
  const children = Object.entries(value).flatMap(([key, item]) =>
    dottedPaths(item, prefix === '' ? key : `${prefix}.${key}`, depth + 1),
  )
  return [prefix, ...children]
}

/**
 * What "a 400 names the field" means:
 *
 * - `validation_failed` lists `errors`, each with its `location`. A `params` or `query` error's
 *   `path` is a parameter the route declares. A `body` error's `path` is the dotted path of a
 *   value the request sent (an invalid or unknown field, `tasks.3.title`), or of a field the
 *   schema declares under a value that was sent (a missing field). It is empty only for a rule
 *   about the body as a whole: the body is not a JSON object, or an object-wide rule (`custom`,
 *   e.g. "give at least one field") failed.
 * - `malformed_json` names no field because there is none: the body is not JSON (or holds a
 *   `__proto__` or `constructor` key, which the parser refuses).
 * - `invalid_cursor` names `cursor` in `errors`.
 * - `bad_request` is the router's or the body reader's: a URL with broken percent-encoding, or
 *   a Content-Length that is not the body's. There is no field to name.
 */
function expectNamesTheField(
  problem: Problem,
  sent: Sent,
  operation: Operation,
  resolve: RefResolver,
) {
  const context = `${problem.code}: ${problem.detail}`
  switch (problem.code) {
    case 'validation_failed': {
      expect(problem.errors?.length, context).toBeGreaterThan(0)
      const body = parsedBody(sent.body)?.value
      const sentPaths = new Set(dottedPaths(body))
      const declared = new Set(declaredNames(operation.body, resolve))
      for (const error of problem.errors ?? []) {
        if (error.location === 'params') expect(Object.keys(operation.params)).toContain(error.path)
        else if (error.location === 'query')
          expect(Object.keys(operation.query)).toContain(error.path.split('.')[0])
        else if (error.path === '') {
          const wholeBody = typeof body !== 'object' || body === null || Array.isArray(body)
          const unknownEmptyKey = error.code === 'unknown_field'
          expect(wholeBody || error.code === 'custom' || unknownEmptyKey, context).toBe(true)
        } else {
          const parent = error.path.includes('.')
            ? error.path.slice(0, error.path.lastIndexOf('.'))
            : ''
          const last = error.path.slice(error.path.lastIndexOf('.') + 1)
          const named = sentPaths.has(error.path) || (sentPaths.has(parent) && declared.has(last))
          expect(named, `${context} (path ${error.path})`).toBe(true)
        }
      }
      break
    }
    case 'malformed_json':
      expect(!parsedBody(sent.body) || /__proto__|constructor/.test(sent.body ?? '')).toBe(true)
      break
    case 'invalid_cursor':
      expect(problem.errors).toMatchObject([{ location: 'query', path: 'cursor' }])
      break
    case 'bad_request':
      expect(
        /%|content-length/i.test(`${sent.url} ${Object.keys(sent.headers).join(' ')}`),
        context,
      ).toBe(true)
      break
    default:
      throw new Error(`a 400 with an unexpected code: ${context}`)
  }
}

/** Fails the property unless `response` is an answer the api may give to `sent`. */
export function expectWellFormedAnswer(
  response: LightMyRequestResponse,
  sent: Sent,
  operation: Operation,
  resolve: RefResolver,
) {
  expect(response.statusCode, response.body.slice(0, 300)).toBeLessThan(500)
  expect(response.headers['x-request-id']).toBeTruthy()
  if (response.statusCode < 400) return
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/)
  if (sent.method === 'HEAD') return
  const problem = problemSchema.parse(response.json())
  expect(problem.status).toBe(response.statusCode)
  if (response.statusCode === 400) expectNamesTheField(problem, sent, operation, resolve)
  if (response.statusCode === 401) expect(response.headers['www-authenticate']).toBeTruthy()
  if (response.statusCode === 413)
    expect(Buffer.byteLength(sent.body ?? '')).toBeGreaterThan(BODY_LIMIT_BYTES)
}
