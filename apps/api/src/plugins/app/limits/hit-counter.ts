import { Redis } from 'ioredis'

/**
 * Where the per-user request counts live, so that every api instance counts into the same window
 * (docs/decisions/0500-api-limits-shared-across-instances.md): PostgreSQL by default
 * (postgres-hit-counter.ts), Redis when REDIS_URL is set. Fixed windows, every hit counted in the
 * shared store before its request goes on (docs/decisions/0317).
 */
export interface HitCounter {
  /** Counts one hit on `key`; the count in the current window and when that window ends. */
  hit(key: string): Promise<{ hits: number; resetInMs: number }>
  close(): Promise<void>
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
