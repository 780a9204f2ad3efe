import { randomUUID } from 'node:crypto'
import { signInThrottle } from '@taskwise/db/schema/sign-in-throttle'
import { useTestDatabase } from '@taskwise/db/use-test-database'
import { eq, sql } from 'drizzle-orm'
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import { createSignInThrottle, type SignInThrottle } from './sign-in-throttle'

/**
 * The per-account limit (docs/decisions/0203) against a real database: what it allows, what it
 * refuses and for how long, what forgives, and the occasional clean-up of ended windows.
 */

const WINDOW_SECONDS = 900

const testDb = useTestDatabase({ max: 2 })
let throttle: SignInThrottle

beforeAll(() => {
  throttle = createSignInThrottle(testDb.db, { maxAttempts: 3, windowSeconds: WINDOW_SECONDS })
})

// The clean-up runs on about one allowed attempt in a hundred: never, unless a test says so.
beforeEach(() => {
  vi.spyOn(Math, 'random').mockReturnValue(0.5)
})

afterEach(() => {
  vi.restoreAllMocks()
})

const aKey = () => `test:${randomUUID()}`

/** Moves a key's window back in time, as if its attempts were made `seconds` ago. */
async function startedAgo(key: string, seconds: number) {
  await testDb.db
    .update(signInThrottle)
    .set({ windowStartedAt: sql`now() - make_interval(secs => ${seconds})` })
    .where(eq(signInThrottle.key, key))
}

async function attemptsOf(key: string): Promise<number | undefined> {
  const [row] = await testDb.db.select().from(signInThrottle).where(eq(signInThrottle.key, key))
  return row?.attempts
}

describe('createSignInThrottle', () => {
  test('allows maxAttempts in a window, then refuses until the window ends', async () => {
    const key = aKey()
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      expect(await throttle.consume(key)).toEqual({ allowed: true })
    }
    const refused = await throttle.consume(key)
    expect(refused.allowed).toBe(false)
    const { retryAfterSeconds } = refused as { retryAfterSeconds: number }
    expect(retryAfterSeconds).toBeGreaterThan(WINDOW_SECONDS - 10)
    expect(retryAfterSeconds).toBeLessThanOrEqual(WINDOW_SECONDS)
    expect(await attemptsOf(key)).toBe(4)
  })

  test('keys count separately', async () => {
    const [one, other] = [aKey(), aKey()]
    for (let attempt = 0; attempt < 3; attempt += 1) await throttle.consume(one)
    expect(await throttle.consume(other)).toEqual({ allowed: true })
    expect((await throttle.consume(one)).allowed).toBe(false)
  })

  test('a window that has ended starts again at one attempt', async () => {
    const key = aKey()
    for (let attempt = 0; attempt < 4; attempt += 1) await throttle.consume(key)
    await startedAgo(key, WINDOW_SECONDS + 1)
    expect(await throttle.consume(key)).toEqual({ allowed: true })
    expect(await attemptsOf(key)).toBe(1)
    expect((await throttle.consume(key)).allowed).toBe(true)
  })

  test('a window that has not quite ended still counts, and says to wait at least a second', async () => {
    const key = aKey()
    for (let attempt = 0; attempt < 3; attempt += 1) await throttle.consume(key)
    await startedAgo(key, WINDOW_SECONDS - 0.5)
    expect(await throttle.consume(key)).toEqual({ allowed: false, retryAfterSeconds: 1 })
  })

  test('reset forgives the attempts', async () => {
    const key = aKey()
    for (let attempt = 0; attempt < 4; attempt += 1) await throttle.consume(key)
    await throttle.reset(key)
    expect(await attemptsOf(key)).toBeUndefined()
    expect(await throttle.consume(key)).toEqual({ allowed: true })
  })

  test('consumeWith applies its own limit and window to its keys', async () => {
    const key = aKey()
    const limit = { maxAttempts: 1, windowSeconds: 60 }
    expect(await throttle.consumeWith(key, limit)).toEqual({ allowed: true })
    const refused = await throttle.consumeWith(key, limit)
    expect(refused.allowed).toBe(false)
    expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(60)
    await startedAgo(key, 61)
    expect(await throttle.consumeWith(key, limit)).toEqual({ allowed: true })
  })

  test('now and then an allowed attempt deletes windows that ended long ago, and only those', async () => {
    const [old, recent] = [aKey(), aKey()]
    await throttle.consume(old)
    await throttle.consume(recent)
    await startedAgo(old, WINDOW_SECONDS + 5)
    await startedAgo(recent, WINDOW_SECONDS - 5)

    await throttle.consume(aKey()) // most attempts: no clean-up
    expect(await attemptsOf(old)).toBe(1)

    vi.spyOn(Math, 'random').mockReturnValue(0.009) // about one in a hundred
    await throttle.consumeWith(aKey(), { maxAttempts: 3, windowSeconds: 60 })
    expect(await attemptsOf(old)).toBeUndefined()
    expect(await attemptsOf(recent)).toBe(1)
  })

  test('a refused attempt never cleans up', async () => {
    const [old, key] = [aKey(), aKey()]
    await throttle.consume(old)
    await startedAgo(old, WINDOW_SECONDS + 5)
    for (let attempt = 0; attempt < 3; attempt += 1) await throttle.consume(key)
    vi.spyOn(Math, 'random').mockReturnValue(0)
    expect((await throttle.consume(key)).allowed).toBe(false)
    expect(await attemptsOf(old)).toBe(1)
  })
})
