import { expect, test } from 'vitest'
import { withRetries } from './retry'

test('a failed attempt is told and tried again; the first success is the answer', async () => {
  const told: string[] = []
  const result = await withRetries(
    2,
    async (attemptNumber) => {
      if (attemptNumber < 3) throw new Error(`failure ${attemptNumber}`)
      return `run ${attemptNumber}`
    },
    (error, attemptNumber) => told.push(`${attemptNumber}: ${(error as Error).message}`),
  )
  expect(result).toBe('run 3')
  expect(told).toEqual(['1: failure 1', '2: failure 2'])
})

test('after the last retry the failure is thrown, and no more attempts are made', async () => {
  let attempts = 0
  const told: number[] = []
  await expect(
    withRetries(
      2,
      async (attemptNumber) => {
        attempts += 1
        throw new Error(`failure ${attemptNumber}`)
      },
      (_error, attemptNumber) => told.push(attemptNumber),
    ),
  ).rejects.toThrow('failure 3')
  expect(attempts).toBe(3)
  expect(told).toEqual([1, 2])
})

test('a first success is not retried', async () => {
  let attempts = 0
  const told: number[] = []
  const result = await withRetries(
    2,
    async () => {
      attempts += 1
      return 'ok'
    },
    (_error, attemptNumber) => told.push(attemptNumber),
  )
  expect(result).toBe('ok')
  expect(attempts).toBe(1)
  expect(told).toEqual([])
})
