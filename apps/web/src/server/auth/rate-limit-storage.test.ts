import { randomUUID } from 'node:crypto'
import { schema } from '@taskwise/db/client'
import { useTestDatabase } from '@taskwise/db/use-test-database'
import { eq, sql } from 'drizzle-orm'
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import { databaseRateLimitStorage } from './rate-limit-storage'

/**
 * Better Auth's per-IP rule, decided in one statement (docs/decisions/0320), against a real
 * database: what it allows, what it refuses and for how long, when a window starts again, and
 * that parallel requests cannot slip past it. Better Auth turns a refusal into the 429 with
 * Retry-After that auth-limits.test.ts checks through the routes.
 */

const rule = { window: 60, max: 3 }

const testDb = useTestDatabase({ max: 5 })
let storage: ReturnType<typeof databaseRateLimitStorage>

beforeAll(() => {
  storage = databaseRateLimitStorage(testDb.db)
})

// The clean-up runs on about one allowed request in a hundred: never, unless a test says so.
beforeEach(() => {
  vi.spyOn(Math, 'random').mockReturnValue(0.5)
})

afterEach(() => {
  vi.restoreAllMocks()
})

const aKey = () => `203.0.113.9|/sign-in/email|${randomUUID()}`

/** Moves a key's last allowed request back in time, as if it were made `seconds` ago. */
async function lastAllowedAgo(key: string, seconds: number) {
  await testDb.db
    .update(schema.rateLimit)
    .set({ lastRequest: sql`(extract(epoch from now()) * 1000)::bigint - ${seconds * 1000}` })
    .where(eq(schema.rateLimit.key, key))
}

async function consumeTimes(key: string, times: number) {
  const decisions = []
  for (let i = 0; i < times; i += 1) decisions.push(await storage.consume(key, rule))
  return decisions
}

describe('databaseRateLimitStorage', () => {
  test('allows max requests, then refuses with the time left in the window', async () => {
    const key = aKey()
    expect(await consumeTimes(key, rule.max)).toEqual(
      Array.from({ length: rule.max }, () => ({ allowed: true, retryAfter: null })),
    )
    const refused = await storage.consume(key, rule)
    expect(refused.allowed).toBe(false)
    expect(refused.retryAfter).toBeGreaterThan(rule.window - 5)
    expect(refused.retryAfter).toBeLessThanOrEqual(rule.window)

    await lastAllowedAgo(key, 45)
    const later = await storage.consume(key, rule)
    expect(later.allowed).toBe(false)
    expect(later.retryAfter).toBeGreaterThan(10)
    expect(later.retryAfter).toBeLessThanOrEqual(15)
  })

  test('a refusal does not move the window: once it has passed, the count starts again', async () => {
    const key = aKey()
    await consumeTimes(key, rule.max + 3)
    await lastAllowedAgo(key, rule.window)
    const again = await consumeTimes(key, rule.max + 1)
    expect(again.map((decision) => decision.allowed)).toEqual([true, true, true, false])
  })

  test('an allowed request moves the window to itself, as Better Auth’s own rule does', async () => {
    const key = aKey()
    await consumeTimes(key, rule.max - 1)
    await lastAllowedAgo(key, rule.window - 10)
    expect((await storage.consume(key, rule)).allowed).toBe(true)
    const refused = await storage.consume(key, rule)
    expect(refused.allowed).toBe(false)
    expect(refused.retryAfter).toBeGreaterThan(rule.window - 5)
  })

  test('keys are counted apart', async () => {
    const [one, other] = [aKey(), aKey()]
    await consumeTimes(one, rule.max)
    expect((await storage.consume(one, rule)).allowed).toBe(false)
    expect((await storage.consume(other, rule)).allowed).toBe(true)
  })

  test('parallel requests cannot slip past the limit, on a new key or a counting one', async () => {
    for (const used of [0, 1]) {
      const key = aKey()
      await consumeTimes(key, used)
      const decisions = await Promise.all(
        Array.from({ length: 20 }, () => storage.consume(key, { window: 60, max: 5 })),
      )
      expect(decisions.filter((decision) => decision.allowed)).toHaveLength(5 - used)
    }
  })

  test('now and then, keys quiet for more than a day are forgotten, and no others', async () => {
    const [quiet, recent] = [aKey(), aKey()]
    await storage.consume(quiet, rule)
    await storage.consume(recent, rule)
    await lastAllowedAgo(quiet, 86_400 + 60)
    await lastAllowedAgo(recent, 86_400 - 60)
    vi.spyOn(Math, 'random').mockReturnValue(0)
    await storage.consume(aKey(), rule)
    const left = await testDb.db
      .select({ key: schema.rateLimit.key })
      .from(schema.rateLimit)
      .where(sql`${schema.rateLimit.key} in (${quiet}, ${recent})`)
    expect(left).toEqual([{ key: recent }])
  })
})
