import { describe, expect, test } from 'vitest'
import { isProblem, makeProblem, problemCatalog, problemSchema } from './problem'

describe('problems', () => {
  test('makeProblem builds an RFC 9457 body with the catalog status and title', () => {
    expect(makeProblem('not_found', 'There is no such task.')).toEqual({
      type: 'urn:taskwise:problem:not_found',
      title: problemCatalog.not_found.title,
      status: 404,
      detail: 'There is no such task.',
      code: 'not_found',
    })
  })

  test('field errors are included only when there are some', () => {
    expect(makeProblem('validation_failed', 'd', [])).not.toHaveProperty('errors')
    const withErrors = makeProblem('validation_failed', 'd', [
      { location: 'body', path: 'title', code: 'too_big', message: 'm' },
    ])
    expect(problemSchema.parse(withErrors).errors).toHaveLength(1)
  })

  test('isProblem recognises problem bodies and nothing else', () => {
    expect(isProblem(makeProblem('invalid_token', 'x'))).toBe(true)
    expect(isProblem({ message: 'Not Found' })).toBe(false)
  })
})
