import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import * as authSchema from './schema/auth'
import * as taskSchema from './schema/task'
import * as signInThrottleSchema from './schema/sign-in-throttle'
import * as authActivitySchema from './schema/auth-activity'
import * as apiRateLimitSchema from './schema/api-rate-limit'
import * as twoFactorSchema from './schema/two-factor'
import { releaseLostClients } from './pool-guard'

export const schema = {
  ...authSchema,
  ...taskSchema,
  ...signInThrottleSchema,
  ...authActivitySchema,
  ...apiRateLimitSchema,
  ...twoFactorSchema,
}
export type Schema = typeof schema
export type Database = NodePgDatabase<Schema>

export interface PoolOptions {
  /** Largest number of connections this process opens. */
  max?: number
  /** How long to wait for a connection before failing, in ms (node-postgres waits forever by default). */
  connectionTimeoutMillis?: number
  /** Server-side limit on any one statement, in ms. */
  statementTimeoutMillis?: number
  /** Shown in pg_stat_activity, so operators can tell the services apart. */
  applicationName?: string
  /** Where pool errors go; a pool without an 'error' listener crashes the process on a restart. */
  onError?: (error: Error) => void
}

/**
 * The one place Taskwise opens a PostgreSQL pool. Every setting that keeps a process alive through
 * a database restart or a stuck server is set here, so no caller can forget it.
 */
export function createPool(connectionString: string, options: PoolOptions = {}): pg.Pool {
  const statementTimeout = options.statementTimeoutMillis ?? 10_000
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: statementTimeout,
    // The client gives up too, a second later, when the server cannot even say that it gave up
    // (a network partition, a frozen server): no request waits on a query forever.
    query_timeout: statementTimeout + 1_000,
    idle_in_transaction_session_timeout: 30_000,
    application_name: options.applicationName ?? 'taskwise',
    keepAlive: true,
  })
  // An idle client's connection can drop (the server restarted, the network blinked). The pool
  // discards that client and emits 'error'; without a listener Node would crash the process.
  const onError =
    options.onError ??
    ((error: Error) => console.error('taskwise: idle database connection lost:', error.message))
  pool.on('error', onError)
  // pg-pool listens for errors only on idle clients. A client checked out for a transaction whose
  // connection drops between two statements emits 'error' with no listener, and Node would crash
  // the process (the statement under way fails on its own, so the caller still sees the error).
  pool.on('connect', (client) => client.on('error', onError))
  releaseLostClients(pool)
  return pool
}

export function createDatabase(pool: pg.Pool): Database {
  return drizzle(pool, { schema, casing: 'snake_case' })
}
