import { sql } from 'drizzle-orm'
import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { user } from './auth'

/**
 * The TOTP replay guard (docs/decisions/0207-two-factor-sign-in.md): the last time step whose code
 * was accepted for each person. A code is accepted only for a later step, in one conditional
 * upsert, so the same code (or an older one) cannot be used twice, on any web instance.
 */
export const totpReplayGuard = pgTable('totp_replay_guard', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => user.id, { onDelete: 'cascade' }),
  lastStep: bigint('last_step', { mode: 'number' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
})

/**
 * Devices a person chose to trust for 30 days after a second factor: the browser holds a signed,
 * httpOnly cookie naming a row here and carrying a secret whose SHA-256 is `token_hash`. Deleting
 * the rows (with the sessions, or when 2FA is turned off) revokes the cookies.
 */
export const trustedDevice = pgTable(
  'trusted_device',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    userId: uuid('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [index('trusted_device_user_id_idx').on(table.userId)],
)
