import { randomBytes } from 'node:crypto'
import { createDatabase, createPool, type Database } from '@taskwise/db/client'
import { session, user } from '@taskwise/db/schema/auth'
import { createTestDatabase, type TestDatabase } from '@taskwise/db/testing'
import { eq } from 'drizzle-orm'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createSessionCheck } from './session-check'

/**
 * The remembered "is this session still signed in?" answer (docs/decisions/0101): how long it is
 * remembered, how many are, and that one token's concurrent requests share one query. Against a
 * real database, whose session rows are deleted the way sign-out deletes them.
 */

let database: TestDatabase
let pool: pg.Pool
let db: Database
let queries = 0

beforeAll(async () => {
  database = await createTestDatabase()
  pool = createPool(database.url, { max: 2, onError: () => {} })
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown
  pool.query = ((...args: unknown[]) => {
    queries += 1
    return query(...args)
  }) as typeof pool.query
  db = createDatabase(pool)
})

afterAll(async () => {
  await pool?.end()
  await database?.drop()
})

/** A signed-in session of a new user: its ids, and a way to sign it out. */
async function signedIn() {
  const [created] = await db
    .insert(user)
    .values({ name: 'Ada', email: `ada-${randomBytes(6).toString('hex')}@example.com` })
    .returning({ id: user.id })
  const [started] = await db
    .insert(session)
    .values({
      userId: created!.id,
      token: randomBytes(24).toString('hex'),
      expiresAt: new Date(Date.now() + 3_600_000),
      updatedAt: new Date(),
    })
    .returning({ id: session.id })
  const ids = { sessionId: started!.id, userId: created!.id }
  return {
    ...ids,
    signOut: () => db.delete(session).where(eq(session.id, ids.sessionId)),
  }
}

/** A clock the test moves. */
function clock(start = 1_000_000) {
  let time = start
  return { now: () => time, advance: (ms: number) => (time += ms) }
}

describe('createSessionCheck', () => {
  test('a live session is active; a signed-out one, or one named with another user, is not', async () => {
    const check = createSessionCheck(db, { ttlMs: 0 })
    const alice = await signedIn()
    const bob = await signedIn()
    expect(await check.isActive(alice.sessionId, alice.userId)).toBe(true)
    expect(await check.isActive(alice.sessionId, bob.userId)).toBe(false)
    await alice.signOut()
    expect(await check.isActive(alice.sessionId, alice.userId)).toBe(false)
  })

  test('the answer is remembered for ttlMs, and asked again from then on', async () => {
    const time = clock()
    const check = createSessionCheck(db, { ttlMs: 5_000, now: time.now })
    const alice = await signedIn()
    expect(await check.isActive(alice.sessionId, alice.userId)).toBe(true)
    await alice.signOut()
    time.advance(4_999)
    expect(await check.isActive(alice.sessionId, alice.userId)).toBe(true)
    time.advance(1)
    expect(await check.isActive(alice.sessionId, alice.userId)).toBe(false)
  })

  test('with ttlMs 0 nothing is remembered', async () => {
    const check = createSessionCheck(db, { ttlMs: 0, now: clock().now })
    const alice = await signedIn()
    const before = queries
    expect(await check.isActive(alice.sessionId, alice.userId)).toBe(true)
    await alice.signOut()
    expect(await check.isActive(alice.sessionId, alice.userId)).toBe(false)
    expect(queries - before).toBe(3) // two checks and the sign-out
  })

  test('a remembered answer costs no query; a negative one is remembered too', async () => {
    const check = createSessionCheck(db, { ttlMs: 5_000, now: clock().now })
    const alice = await signedIn()
    await alice.signOut()
    const before = queries
    expect(await check.isActive(alice.sessionId, alice.userId)).toBe(false)
    expect(await check.isActive(alice.sessionId, alice.userId)).toBe(false)
    expect(queries - before).toBe(1)
  })

  test('concurrent checks of one session share one query', async () => {
    const check = createSessionCheck(db, { ttlMs: 0 })
    const alice = await signedIn()
    const before = queries
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => check.isActive(alice.sessionId, alice.userId)),
    )
    expect(answers).toEqual([true, true, true, true, true])
    expect(queries - before).toBe(1)
    // Once answered, the next check asks again (nothing is left pending).
    await check.isActive(alice.sessionId, alice.userId)
    expect(queries - before).toBe(2)
  })

  test('at most maxEntries answers are remembered; the oldest is forgotten first', async () => {
    const check = createSessionCheck(db, { ttlMs: 60_000, maxEntries: 2, now: clock().now })
    const [a, b, c] = [await signedIn(), await signedIn(), await signedIn()]
    for (const { sessionId, userId } of [a, b]) await check.isActive(sessionId, userId)
    await a.signOut()
    await b.signOut()
    // Two fit: both are still remembered as signed in.
    expect(await check.isActive(a.sessionId, a.userId)).toBe(true)
    expect(await check.isActive(b.sessionId, b.userId)).toBe(true)
    // A third pushes out the oldest, a, which is then asked again.
    expect(await check.isActive(c.sessionId, c.userId)).toBe(true)
    expect(await check.isActive(a.sessionId, a.userId)).toBe(false)
  })

  test('an answer asked again after it expired counts as the newest', async () => {
    const time = clock()
    const check = createSessionCheck(db, { ttlMs: 1_000, maxEntries: 2, now: time.now })
    const [a, b, c] = [await signedIn(), await signedIn(), await signedIn()]
    await check.isActive(a.sessionId, a.userId)
    await check.isActive(b.sessionId, b.userId)
    time.advance(1_000)
    await check.isActive(a.sessionId, a.userId) // asked again: a is now newer than b
    await a.signOut()
    await b.signOut()
    await check.isActive(c.sessionId, c.userId) // pushes out b, not a
    expect(await check.isActive(a.sessionId, a.userId)).toBe(true)
    expect(await check.isActive(b.sessionId, b.userId)).toBe(false)
  })

  test('by default at most 10,000 answers are remembered', async () => {
    // 10,001 sessions, so a stand-in database that says every session is live and counts queries.
    let lookups = 0
    const rows = { limit: async () => (lookups += 1) && [{ id: 'live' }] }
    const counting = { select: () => ({ from: () => ({ where: () => rows }) }) }
    const check = createSessionCheck(counting as unknown as Database, {
      ttlMs: 60_000,
      now: clock().now,
    })
    for (let index = 0; index <= 10_000; index += 1) await check.isActive(`s${index}`, 'u')
    expect(lookups).toBe(10_001)
    await check.isActive('s1', 'u') // still remembered
    expect(lookups).toBe(10_001)
    await check.isActive('s0', 'u') // the oldest was forgotten
    expect(lookups).toBe(10_002)
  })
})
