import { createDatabase, createPool, type Database } from '@taskwise/db/client'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

type Pool = ReturnType<typeof createPool>

declare module 'fastify' {
  interface FastifyInstance {
    /** The process's one PostgreSQL pool (for health checks; queries go through `db`). */
    pool: Pool
    /** Drizzle over `pool`. */
    db: Database
  }
}

export interface DbPluginOptions {
  databaseUrl: string
  poolMax: number
  /** How long a query waits for a connection (a new one, or a free one from a full pool). */
  connectionTimeoutMs: number
  statementTimeoutMs: number
}

/**
 * The database pool, made by packages/db's factory (connection and statement timeouts set there).
 * A dropped idle connection is logged through the app's logger instead of crashing the process;
 * the pool is drained when the app closes, after in-flight requests have finished.
 */
export const dbPlugin = fp(
  async (fastify: FastifyInstance, options: DbPluginOptions) => {
    const pool = createPool(options.databaseUrl, {
      max: options.poolMax,
      connectionTimeoutMillis: options.connectionTimeoutMs,
      statementTimeoutMillis: options.statementTimeoutMs,
      applicationName: 'taskwise-api',
      onError: (error) => fastify.log.warn({ err: error }, 'idle database connection lost'),
    })
    fastify.decorate('pool', pool)
    fastify.decorate('db', createDatabase(pool))
    fastify.addHook('onClose', async () => {
      await pool.end()
    })
  },
  { name: 'db' },
)
