import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * Per-account sign-in throttle (docs/decisions/0203-per-account-sign-in-lockout.md). One row per
 * email address that was tried recently, keyed by a keyed hash of the address (never the address
 * itself, so unknown addresses typed at the login form are not stored). Every attempt counts
 * before the password is checked and a success deletes the row, so an attacker gets at most
 * `max` guesses per window at one account, however many IP addresses they rotate through.
 */
export const signInThrottle = pgTable(
  'sign_in_throttle',
  {
    key: text('key').primaryKey(),
    attempts: integer('attempts').notNull(),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .defaultNow(),
  },
  (table) => [index('sign_in_throttle_window_started_at_idx').on(table.windowStartedAt)],
)
