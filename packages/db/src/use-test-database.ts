import type pg from 'pg'
import { afterAll, beforeAll } from 'vitest'
import { createDatabase, createPool, type Database, type PoolOptions } from './client'
import { createTestDatabase, type TestDatabase } from './testing'

export interface TestDatabaseHandle {
  /** The migrated database of the test file alone. */
  database: TestDatabase
  pool: pg.Pool
  db: Database
}

/**
 * For a vitest file: its own migrated database (see `createTestDatabase`) and a pool on it, made
 * before the file's first test, closed and dropped after its last. The object returned is filled
 * in by the time a test (or a later `beforeAll`) runs. Pool errors are dropped unless `onError`
 * says otherwise: a test that stops the server must not crash the process.
 */
export function useTestDatabase(options: PoolOptions = {}): TestDatabaseHandle {
  const handle = {} as TestDatabaseHandle
  beforeAll(async () => {
    handle.database = await createTestDatabase()
    handle.pool = createPool(handle.database.url, { onError: () => {}, ...options })
    handle.db = createDatabase(handle.pool)
  })
  afterAll(async () => {
    await handle.pool?.end()
    await handle.database?.drop()
  })
  return handle
}
