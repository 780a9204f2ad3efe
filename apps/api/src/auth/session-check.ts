import type { Database } from '@taskwise/db/client'
import { session } from '@taskwise/db/schema/auth'
import { and, eq } from 'drizzle-orm'

/**
 * Revocation (docs/decisions/0101-token-revocation.md). A JWT names its Better Auth session
 * (`sid`); sign-out, sign-out-everywhere, a password change that revokes sessions, and account
 * deletion all delete that row. The api accepts a token only while the row exists, and remembers
 * the answer for `ttlMs`, so a revoked token stops working within that time while most requests
 * pay nothing extra.
 */

export interface SessionCheckOptions {
  ttlMs: number
  /** Most sessions remembered at once; the oldest are forgotten first. */
  maxEntries?: number
  now?: () => number
}

export interface SessionCheck {
  isActive(sessionId: string, userId: string): Promise<boolean>
}

export function createSessionCheck(db: Database, options: SessionCheckOptions): SessionCheck {
  const maxEntries = options.maxEntries ?? 10_000
  const now = options.now ?? Date.now
  const cache = new Map<string, { active: boolean; until: number }>()
  const pending = new Map<string, Promise<boolean>>()

  async function lookup(sessionId: string, userId: string): Promise<boolean> {
    const rows = await db
      .select({ id: session.id })
      .from(session)
      .where(and(eq(session.id, sessionId), eq(session.userId, userId)))
      .limit(1)
    return rows.length > 0
  }

  return {
    async isActive(sessionId, userId) {
      const key = `${sessionId}:${userId}`
      const cached = cache.get(key)
      if (cached && cached.until > now()) return cached.active
      let answer = pending.get(key)
      if (!answer) {
        // Concurrent requests with one token share a single query.
        answer = lookup(sessionId, userId).finally(() => pending.delete(key))
        pending.set(key, answer)
      }
      const active = await answer
      // With ttlMs 0 the answer is stale as soon as it is stored, so it is never used.
      cache.delete(key)
      cache.set(key, { active, until: now() + options.ttlMs })
      // A Map keeps insertion order: its first key is the oldest answer.
      if (cache.size > maxEntries) cache.delete(cache.keys().next().value as string)
      return active
    },
  }
}
