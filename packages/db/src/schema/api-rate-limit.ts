import { bigint, integer, pgTable, text } from 'drizzle-orm/pg-core'

/**
 * The api's per-user request counters when no REDIS_URL is set
 * (docs/decisions/0500-api-limits-shared-across-instances.md): one row per key (a user), a fixed
 * window that starts at a multiple of the window length on the database's clock, so every api
 * instance counts into the same window. The migration creates it UNLOGGED: a counter costs no
 * WAL write or flush on each request, and a crash that empties it only forgives a window.
 */
export const apiRateLimit = pgTable('api_rate_limit', {
  key: text('key').primaryKey(),
  /** Start of the current window, in ms since the epoch. */
  windowStart: bigint('window_start', { mode: 'number' }).notNull(),
  hits: integer('hits').notNull(),
})
