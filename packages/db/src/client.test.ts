import { afterAll, beforeAll, expect, test } from 'vitest'
import { sql } from 'drizzle-orm'
import type pg from 'pg'
import { createDatabase, createPool } from './client'
import { isDatabaseUnavailable } from './errors'
import { createTestDatabase, type TestDatabase } from './testing'

let database: TestDatabase

beforeAll(async () => {
  database = await createTestDatabase()
})

afterAll(async () => {
  await database?.drop()
})

test('a checked-out connection that the server ends is reported, not thrown at the process', async () => {
  const reported: Error[] = []
  const pool = createPool(database.url, { max: 2, onError: (error) => reported.push(error) })
  const other = createPool(database.url, { max: 1 })
  try {
    // A transaction between two statements, as drizzle holds one: the client is checked out.
    const client = await pool.connect()
    await client.query('begin')
    const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid')
    await other.query('select pg_terminate_backend($1)', [rows[0]?.pid])
    await expect.poll(() => reported.length).toBeGreaterThan(0)
    // The next statement fails as "unavailable" (a 503 in both services), and the pool recovers.
    const next = await client.query('select 1').catch((error: unknown) => error)
    expect(isDatabaseUnavailable(next)).toBe(true)
    client.release(next as Error)
    expect((await pool.query('select 1 as one')).rows).toEqual([{ one: 1 }])
  } finally {
    await pool.end()
    await other.end()
  }
})

test('a pool with no free connection makes a caller wait at most connectionTimeoutMillis, as "unavailable"', async () => {
  const pool = createPool(database.url, { max: 1, connectionTimeoutMillis: 200 })
  try {
    const held = await pool.connect()
    const started = performance.now()
    const waited = await pool.query('select 1').catch((error: unknown) => error)
    const ms = performance.now() - started
    held.release()
    expect(isDatabaseUnavailable(waited)).toBe(true)
    expect(ms).toBeGreaterThanOrEqual(190)
    expect(ms).toBeLessThan(1_000)
  } finally {
    await pool.end()
  }
})

test('a transaction whose connection drops before its begin gives the connection back: the pool still serves', async () => {
  const pool = createPool(database.url, { max: 2, connectionTimeoutMillis: 1_000 })
  const db = createDatabase(pool)
  // Cut each connection the moment it is checked out, so drizzle's `begin` is the statement that
  // fails, three times with a pool of two.
  const cut = (client: pg.PoolClient) =>
    (
      client as unknown as { connection: { stream: { destroy(): void } } }
    ).connection.stream.destroy()
  pool.on('acquire', cut)
  try {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const failed = await db
        .transaction(async (tx) => tx.execute(sql`select 1`))
        .catch((e: unknown) => e)
      expect(isDatabaseUnavailable(failed)).toBe(true)
    }
    pool.off('acquire', cut)
    // Without the release, both connections would still be held and this would time out.
    expect((await pool.query('select 1 as one')).rows).toEqual([{ one: 1 }])
    expect(
      await db.transaction(async (tx) => (await tx.execute(sql`select 2 as two`)).rows),
    ).toEqual([{ two: 2 }])
  } finally {
    await pool.end()
  }
})
