import { sql } from 'drizzle-orm'
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { user } from './auth'

/**
 * The account activity a person sees on the settings page: sign-ins (and failed attempts),
 * sign-outs, password and email changes, resets, sessions ended. One row per event, kept 90 days
 * (older rows are pruned as new ones arrive), gone with the user (ON DELETE CASCADE). Holds the
 * client IP and User-Agent of the request, never a password, a token or a link.
 */
export const authActivity = pgTable(
  'auth_activity',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    userId: uuid('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [index('auth_activity_user_id_created_at_idx').on(table.userId, table.createdAt)],
)
