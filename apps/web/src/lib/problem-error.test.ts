import { expect, test } from 'vitest'
import { ApiError, apiErrorFrom, apiErrorOf } from './problem-error'

test("a refusal's problem is read with its code, sentence, field messages and wait", async () => {
  const error = await apiErrorOf(
    422,
    {
      status: 422,
      code: 'validation_failed',
      detail: 'The task could not be saved.',
      errors: [
        { location: 'body', path: 'title', code: 'too_small', message: 'Give the task a title' },
      ],
    },
    '30',
  )
  expect(error).toBeInstanceOf(ApiError)
  expect(error.message).toBe('The task could not be saved.')
  expect(error.code).toBe('validation_failed')
  expect(error.fieldErrors).toEqual([
    { location: 'body', path: 'title', code: 'too_small', message: 'Give the task a title' },
  ])
  expect(error.retryAfterSeconds).toBe(30)
})

test('a body that is not a problem gives the sentence for its status', async () => {
  const error = await apiErrorFrom(new Response('<html>Bad gateway</html>', { status: 502 }))
  expect(error.status).toBe(502)
  expect(error.code).toBe('unknown')
  expect(error.message).toBe('Something went wrong on our side. Try again in a moment.')
  expect(error.fieldErrors).toEqual([])
})
