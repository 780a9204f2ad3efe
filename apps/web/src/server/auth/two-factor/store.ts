import { schema } from '@taskwise/db/client'
import { symmetricDecrypt, symmetricEncrypt } from 'better-auth/crypto'
import { and, eq } from 'drizzle-orm'
import { type TaskwiseAuth } from '../auth'
import { emailDigest } from '../identity'
import { storedHashes, withoutCode } from './backup-codes'
import { claimTimeStep } from './replay-guard'
import { matchingTimeStep } from './totp'

/**
 * A person's authenticator and backup codes, in the `two_factor` table of Better Auth's plugin
 * (its format: the secret encrypted with the app's secret, `base32:`-prefixed; `verified` false
 * while being set up), and the checks of a code against them. Every check counts towards the
 * per-account lock (docs/decisions/0203) before it looks at the code, and a right code forgives
 * the earlier misses.
 */

const BASE32_PREFIX = 'base32:'

export type CodeCheck =
  { ok: true } | { ok: false; reason: 'wrong' | 'locked'; retryAfterSeconds?: number }

export function createTwoFactorStore(taskwise: TaskwiseAuth) {
  const { auth, db, throttle, config } = taskwise

  async function find(userId: string) {
    const [row] = await db
      .select()
      .from(schema.twoFactor)
      .where(eq(schema.twoFactor.userId, userId))
      .limit(1)
    return row ?? null
  }

  async function encryptSecret(secret: string): Promise<string> {
    const { secretConfig } = await auth.$context
    return symmetricEncrypt({ key: secretConfig, data: `${BASE32_PREFIX}${secret}` })
  }

  async function secretOf(stored: string): Promise<string> {
    const { secretConfig } = await auth.$context
    const plain = await symmetricDecrypt({ key: secretConfig, data: stored })
    return plain.startsWith(BASE32_PREFIX) ? plain.slice(BASE32_PREFIX.length) : plain
  }

  /** Counts an attempt against the person's lock; the refusal, or null to go on. */
  async function countAttempt(email: string): Promise<CodeCheck | null> {
    const decision = await throttle.consume(emailDigest(config.secret, email))
    return decision.allowed
      ? null
      : { ok: false, reason: 'locked', retryAfterSeconds: decision.retryAfterSeconds }
  }

  return {
    find,
    encryptSecret,

    /** Whether it is on, and how many backup codes are left. */
    async status(userId: string) {
      const row = await find(userId)
      const enabled = row?.verified === true
      return { enabled, backupCodesLeft: enabled ? storedHashes(row.backupCodes).length : 0 }
    },

    /**
     * Checks a code from the app: right for a step within one of now, and a later step than any
     * code accepted before (the replay guard). `pending` checks the authenticator being set up.
     */
    async checkTotp(
      user: { id: string; email: string },
      code: string,
      { pending = false } = {},
    ): Promise<CodeCheck> {
      const refused = await countAttempt(user.email)
      if (refused) return refused
      const row = await find(user.id)
      if (!row || row.verified !== !pending) return { ok: false, reason: 'wrong' }
      const step = matchingTimeStep(await secretOf(row.secret), code)
      if (step === null || !(await claimTimeStep(db, user.id, step))) {
        return { ok: false, reason: 'wrong' }
      }
      await throttle.reset(emailDigest(config.secret, user.email))
      return { ok: true }
    },

    /** Checks a backup code and, if it is right, uses it up (once, however many try at once). */
    async useBackupCode(
      user: { id: string; email: string },
      code: string,
    ): Promise<CodeCheck & { left?: number }> {
      const refused = await countAttempt(user.email)
      if (refused) return refused
      const row = await find(user.id)
      if (!row || row.verified !== true) return { ok: false, reason: 'wrong' }
      const { password } = await auth.$context
      const remaining = await withoutCode(password, row.backupCodes, code)
      if (remaining === null) return { ok: false, reason: 'wrong' }
      const used = await db
        .update(schema.twoFactor)
        .set({ backupCodes: remaining })
        .where(
          and(eq(schema.twoFactor.id, row.id), eq(schema.twoFactor.backupCodes, row.backupCodes)),
        )
        .returning({ id: schema.twoFactor.id })
      if (used.length === 0) return { ok: false, reason: 'wrong' } // another request used it first
      await throttle.reset(emailDigest(config.secret, user.email))
      return { ok: true, left: storedHashes(remaining).length }
    },
  }
}

export type TwoFactorStore = ReturnType<typeof createTwoFactorStore>
