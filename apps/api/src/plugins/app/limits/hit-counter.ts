import type { Database } from '@taskwise/db/client'
import { sql } from 'drizzle-orm'
import { Redis } from 'ioredis'

/**
 * Where the per-user request counts live, so that every api instance counts into the same window
 * (docs/decisions/0500-api-limits-shared-across-instances.md): PostgreSQL by default, Redis when
 * REDIS_URL is set. Fixed windows: simple, one atomic round trip per request (measured, and
 * kept over cheaper designs that would not hold across instances: docs/decisions/0317).
 */
export interface HitCounter {
  /** Counts one hit on `key`; the count in the current window and when that window ends. */
  hit(key: string): Promise<{ hits: number; resetInMs: number }>
  close(): Promise<void>
}

/**
 * One upsert into the UNLOGGED `api_rate_limit` table. The window is numbered on the database's
 * clock, so instances with skewed clocks still share it; a late request from an older window
 * never moves a newer one back.
 */
export function postgresHitCounter(db: Database, windowMs: number): HitCounter {
  return {
    async hit(key) {
      const { rows } = await db.execute<{ hits: number; reset_in_ms: string }>(sql`
        with clock as (
          select (extract(epoch from now()) * 1000)::bigint as now_ms
        )
        insert into api_rate_limit as counter (key, window_start, hits)
        select ${key}, now_ms - now_ms % ${windowMs}, 1 from clock
        on conflict (key) do update set
          hits = case when excluded.window_start > counter.window_start then 1
                      when excluded.window_start = counter.window_start then counter.hits + 1
                      else counter.hits end,
          window_start = greatest(counter.window_start, excluded.window_start)
        returning hits, window_start + ${windowMs} - (select now_ms from clock) as reset_in_ms`)
      const row = rows[0]
      if (!row) throw new Error('api_rate_limit upsert returned no row')
      return { hits: row.hits, resetInMs: Number(row.reset_in_ms) }
    },
    async close() {},
  }
}

/** INCR, and the window's expiry set by the hit that opens it, in one script (atomic). */
const HIT_SCRIPT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {hits, ttl}`

export interface RedisHitCounterOptions {
  url: string
  windowMs: number
  /** Told when the connection fails (once per distinct message, not on every retry). */
  onError?: (error: Error) => void
}

/**
 * Counts in Redis. No offline queue and short timeouts: while Redis is unreachable a hit fails
 * at once (the limiter then lets the request through, see rate-limit.ts), never hangs.
 */
export function redisHitCounter({ url, windowMs, onError }: RedisHitCounterOptions): HitCounter {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 2_000,
    commandTimeout: 1_000,
    keyPrefix: 'taskwise:api-rate:',
  })
  let lastMessage = ''
  redis.on('error', (error: Error) => {
    if (error.message === lastMessage) return
    lastMessage = error.message
    onError?.(error)
  })
  redis.on('ready', () => (lastMessage = ''))
  return {
    async hit(key) {
      const [hits, ttl] = (await redis.eval(HIT_SCRIPT, 1, key, windowMs)) as [number, number]
      return { hits, resetInMs: ttl }
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect())
    },
  }
}
