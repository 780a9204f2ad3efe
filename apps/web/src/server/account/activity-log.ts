import {
  ACTIVITY_RETENTION_DAYS,
  type ActivityItem,
  type ActivityType,
} from '@taskwise/contracts/account'
import { schema, type Database } from '@taskwise/db/client'
import { and, desc, eq, gt, lt } from 'drizzle-orm'
import { describeDevice } from './devices'

/**
 * The account activity a person sees on the settings page (table `auth_activity`), 90 days of it.
 * Writing an event never fails the request that caused it: a lost activity row is logged, not
 * answered with a 500.
 */

export interface ActivityContext {
  ip: string | null
  userAgent: string | null
}

/** Most events one list shows. */
const LIST_LIMIT = 200

const retentionStart = () => new Date(Date.now() - ACTIVITY_RETENTION_DAYS * 86_400_000)

export function createActivityLog(db: Database, onError: (error: unknown) => void) {
  return {
    async record(userId: string, type: ActivityType, context: ActivityContext): Promise<void> {
      try {
        await db.insert(schema.authActivity).values({
          userId,
          type,
          ipAddress: context.ip,
          userAgent: context.userAgent?.slice(0, 512) ?? null,
        })
        // Now and then, forget what is past the retention period, for everyone.
        if (Math.random() < 0.02) {
          await db
            .delete(schema.authActivity)
            .where(lt(schema.authActivity.createdAt, retentionStart()))
        }
      } catch (error) {
        onError(error)
      }
    },

    async list(userId: string): Promise<ActivityItem[]> {
      const rows = await db
        .select()
        .from(schema.authActivity)
        .where(
          and(
            eq(schema.authActivity.userId, userId),
            gt(schema.authActivity.createdAt, retentionStart()),
          ),
        )
        .orderBy(desc(schema.authActivity.createdAt))
        .limit(LIST_LIMIT)
      return rows.map((row) => ({
        type: row.type as ActivityType,
        at: row.createdAt.toISOString(),
        ip: row.ipAddress,
        device: describeDevice(row.userAgent),
      }))
    },
  }
}

export type ActivityLog = ReturnType<typeof createActivityLog>
