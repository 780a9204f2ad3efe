import { type Database } from '@taskwise/db/client'
import { sql, type SQL } from 'drizzle-orm'

/**
 * The per-account sign-in limit (docs/decisions/0203-per-account-sign-in-lockout.md), kept in the
 * `sign_in_throttle` table so that every web instance shares it.
 *
 * `consume` counts an attempt *before* the password is checked, atomically (one upsert), so
 * parallel guesses cannot slip past the limit; `reset` (after a successful sign-in) forgives them.
 * The clock is the database's, so instances with skewed clocks agree.
 */

export interface SignInThrottleSettings {
  /** Attempts allowed per account per window. */
  maxAttempts: number
  windowSeconds: number
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number }

export interface SignInThrottle {
  /** Counts an attempt at `key` against the sign-in limit. */
  consume(key: string): Promise<ThrottleDecision>
  /** The same, against another limit (other jobs keep their own keys in the same table). */
  consumeWith(key: string, settings: SignInThrottleSettings): Promise<ThrottleDecision>
  reset(key: string): Promise<void>
  /** The statement `reset` runs, for a caller that writes it together with others. */
  resetStatement(key: string): SQL
}

export function createSignInThrottle(
  db: Database,
  settings: SignInThrottleSettings,
): SignInThrottle {
  async function consumeWith(
    key: string,
    limit: SignInThrottleSettings,
  ): Promise<ThrottleDecision> {
    const window = sql`make_interval(secs => ${limit.windowSeconds})`
    const result = await db.execute<{ attempts: number; retry_after: string }>(sql`
        insert into sign_in_throttle as t (key, attempts, window_started_at)
        values (${key}, 1, now())
        on conflict (key) do update set
          attempts = case when t.window_started_at <= now() - ${window} then 1 else t.attempts + 1 end,
          window_started_at = case when t.window_started_at <= now() - ${window} then now() else t.window_started_at end
        returning attempts, extract(epoch from (window_started_at + ${window} - now())) as retry_after`)
    // An upsert with RETURNING answers exactly one row (inserted or updated).
    const [row] = result.rows as [{ attempts: number; retry_after: string }]
    if (row.attempts <= limit.maxAttempts) {
      // Now and then, forget windows that ended long ago (each row is one address that was tried).
      if (Math.random() < 0.01)
        await prune(db, Math.max(limit.windowSeconds, settings.windowSeconds))
      return { allowed: true }
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(Number(row.retry_after))) }
  }

  const resetStatement = (key: string) => sql`delete from sign_in_throttle where key = ${key}`
  return {
    consume: (key) => consumeWith(key, settings),
    consumeWith,
    async reset(key) {
      await db.execute(resetStatement(key))
    },
    resetStatement,
  }
}

async function prune(db: Database, windowSeconds: number): Promise<void> {
  await db.execute(
    sql`delete from sign_in_throttle where window_started_at < now() - make_interval(secs => ${windowSeconds})`,
  )
}
