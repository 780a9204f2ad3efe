import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import pg from 'pg'

export const migrationsFolder = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../drizzle',
)

/** Any constant will do; it only has to be the same for every Taskwise migrator. */
const MIGRATION_LOCK_KEY = 7_140_215_001

async function withClient<T>(connectionString: string, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 })
  client.on('error', () => {}) // awaited queries report errors; this keeps a dropped socket from crashing
  await client.connect()
  try {
    await client.query('set client_min_messages = warning')
    return await work(client)
  } finally {
    await client.end()
  }
}

/** Runs `work` in one transaction that holds the migration lock until it commits. */
async function inLockedTransaction(client: pg.Client, work: () => Promise<void>): Promise<void> {
  await client.query('begin')
  try {
    await client.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY])
    await work()
    await client.query('commit')
  } catch (error) {
    await client.query('rollback').catch(() => {})
    throw error
  }
}

/**
 * Applies the SQL migrations drizzle-kit generated (packages/db/drizzle), recording them in
 * drizzle's own table so drizzle-kit agrees on what ran.
 *
 * Idempotent, and safe when several processes start at once: everything happens in one
 * transaction that first takes a transaction-scoped advisory lock, so a second migrator waits,
 * then finds nothing left to do; a failed migration leaves nothing half-applied. (drizzle's own
 * migrator reads its bookkeeping outside its transaction, which is why this is not a call to it.)
 * One transaction also serialises migrators on the embedded database, where every connection
 * shares one PGlite session and advisory locks cannot exclude anybody.
 */
export async function runMigrations(connectionString: string): Promise<{ applied: number }> {
  const migrations = readMigrationFiles({ migrationsFolder })
  return withClient(connectionString, async (client) => {
    let applied = 0
    await inLockedTransaction(client, async () => {
      await client.query('create schema if not exists drizzle')
      await client.query(
        'create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)',
      )
      const { rows } = await client.query<{ created_at: string }>(
        'select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1',
      )
      const last = rows[0] ? Number(rows[0].created_at) : -1
      for (const migration of migrations) {
        if (migration.folderMillis <= last) continue
        for (const statement of migration.sql) {
          if (statement.trim()) await client.query(statement)
        }
        await client.query(
          'insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)',
          [migration.hash, migration.folderMillis],
        )
        applied++
      }
    })
    return { applied }
  })
}

export class ResetRefusedError extends Error {
  override name = 'ResetRefusedError'
}

interface ResetGuard {
  confirmed: boolean
  nodeEnv: string
}

export function assertResetAllowed({ confirmed, nodeEnv }: ResetGuard): void {
  if (nodeEnv === 'production') {
    throw new ResetRefusedError(
      'db:reset is refused when NODE_ENV=production: it deletes every user and task.',
    )
  }
  if (!confirmed) {
    throw new ResetRefusedError(
      'db:reset deletes every user and task; run `npm run db:reset -- --yes` to confirm.',
    )
  }
}

/**
 * The clean slate, for development: drops every Taskwise table (the public schema and drizzle's
 * bookkeeping) and migrates again. Refused without `confirmed`, and refused in production.
 */
export async function resetDatabase(connectionString: string, guard: ResetGuard): Promise<void> {
  assertResetAllowed(guard)
  await withClient(connectionString, (client) =>
    inLockedTransaction(client, async () => {
      await client.query('drop schema if exists drizzle cascade')
      await client.query('drop schema if exists public cascade')
      await client.query('create schema public')
    }),
  )
  await runMigrations(connectionString)
}
