import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { openEmbeddedDatabase } from './embedded'
import { runMigrations } from './migrate'

/**
 * Test databases. Each call makes a database of its own, with a unique name, migrated, and
 * `drop()` removes it, so test files never share rows and can run in parallel.
 *
 * By default the database is made on the real PostgreSQL server at TEST_DATABASE_URL (default the
 * local server). With TASKWISE_TEST_DB=embedded, which `npm test` sets only when no server is
 * reachable outside CI, each database is a fresh embedded PGlite in a temporary folder instead.
 */

export interface TestDatabase {
  url: string
  /** "postgres" for a real server, "embedded" for PGlite. */
  kind: 'postgres' | 'embedded'
  drop(): Promise<void>
}

export const defaultTestServerUrl = 'postgres://postgres@127.0.0.1:5432/postgres'

function testServerUrl(): string {
  return process.env.TEST_DATABASE_URL || defaultTestServerUrl
}

export function usesEmbeddedTestDatabase(): boolean {
  return process.env.TASKWISE_TEST_DB === 'embedded'
}

/** A URL for `database` on the same server as `serverUrl`. */
export function withDatabaseName(serverUrl: string, database: string): string {
  const url = new URL(serverUrl)
  url.pathname = `/${database}`
  return url.toString()
}

export async function createEmptyTestDatabase(): Promise<TestDatabase> {
  if (usesEmbeddedTestDatabase()) {
    const dir = mkdtempSync(path.join(tmpdir(), 'taskwise-test-'))
    const embedded = await openEmbeddedDatabase(dir)
    return {
      url: embedded.url,
      kind: 'embedded',
      async drop() {
        await embedded.stop()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  }
  const name = `taskwise_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: testServerUrl(), connectionTimeoutMillis: 5_000 })
  await admin.connect()
  try {
    await admin.query(`create database "${name}"`)
  } finally {
    await admin.end()
  }
  return {
    url: withDatabaseName(testServerUrl(), name),
    kind: 'postgres',
    async drop() {
      const client = new pg.Client({
        connectionString: testServerUrl(),
        connectionTimeoutMillis: 5_000,
      })
      await client.connect()
      try {
        await client.query(`drop database if exists "${name}" with (force)`)
      } finally {
        await client.end()
      }
    },
  }
}

/** A new, uniquely named, fully migrated database. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const database = await createEmptyTestDatabase()
  try {
    await runMigrations(database.url)
  } catch (error) {
    await database.drop()
    throw error
  }
  return database
}
