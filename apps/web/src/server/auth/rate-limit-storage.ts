import { type Database } from '@taskwise/db/client'
import { type BetterAuthOptions } from 'better-auth'
import { sql } from 'drizzle-orm'

type RateLimitStorage = NonNullable<NonNullable<BetterAuthOptions['rateLimit']>['customStorage']>

/**
 * Better Auth's per-IP rate limit, kept in its `rate_limit` table as before, but decided in one
 * atomic upsert instead of its read-then-update pair (two round trips on every sign-in, sign-up and
 * reset; docs/decisions/0320-sign-in-around-the-hash.md).
 *
 * The rule is Better Auth's own: a window starts at a key's first request; within it, requests
 * count up to `max`; beyond, each is refused with Retry-After = the time left until `window`
 * seconds after the last allowed request; once `window` seconds pass since then, the count starts
 * again at 1. A refusal never moves the window. Here a refused request makes the count `max + 1`
 * (never more), which is how the statement tells a refusal from the request that reached `max`.
 * The clock is the database's, so web instances with skewed clocks agree.
 */

/** Rows untouched this long are pruned: longer than any window a setting allows (one day). */
const PRUNE_AFTER_MS = 86_400_000

export function databaseRateLimitStorage(db: Database): RateLimitStorage {
  return {
    async consume(key, rule) {
      const windowMs = rule.window * 1000
      const result = await db.execute<{ count: number; retry_after_ms: string }>(sql`
        insert into rate_limit as r (key, count, last_request)
        values (${key}, 1, (extract(epoch from now()) * 1000)::bigint)
        on conflict (key) do update set
          count = case
            when r.last_request <= excluded.last_request - ${windowMs} then 1
            else least(r.count + 1, ${rule.max + 1})
          end,
          last_request = case
            when r.last_request <= excluded.last_request - ${windowMs} or r.count < ${rule.max}
              then excluded.last_request
            else r.last_request
          end
        returning count,
          r.last_request + ${windowMs} - (extract(epoch from now()) * 1000)::bigint as retry_after_ms`)
      // An upsert with RETURNING answers exactly one row (inserted or updated).
      const [row] = result.rows as [{ count: number; retry_after_ms: string }]
      if (row.count <= rule.max) {
        // Now and then, forget keys that have been quiet for long (each row is one address and path).
        if (Math.random() < 0.01) await prune(db)
        return { allowed: true, retryAfter: null }
      }
      return {
        allowed: false,
        retryAfter: Math.max(1, Math.ceil(Number(row.retry_after_ms) / 1000)),
      }
    },
  }
}

async function prune(db: Database): Promise<void> {
  await db.execute(
    sql`delete from rate_limit where last_request < (extract(epoch from now()) * 1000)::bigint - ${PRUNE_AFTER_MS}`,
  )
}
