import {
  ACTIVITY_RETENTION_DAYS,
  type ActivityItem,
  type ActivityType,
} from '@taskwise/contracts/account'
import { schema, type Database } from '@taskwise/db/client'
import { and, desc, eq, gt, lt, sql, type SQL } from 'drizzle-orm'
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

/** A User-Agent is kept to its first 512 characters. */
const truncatedUserAgent = (context: ActivityContext) => context.userAgent?.slice(0, 512) ?? null

const retentionStart = () => new Date(Date.now() - ACTIVITY_RETENTION_DAYS * 86_400_000)

export function createActivityLog(db: Database, onError: (error: unknown) => void) {
  /** Now and then, forget what is past the retention period, for everyone. */
  async function pruneNowAndThen(): Promise<void> {
    if (Math.random() < 0.02) {
      await db
        .delete(schema.authActivity)
        .where(lt(schema.authActivity.createdAt, retentionStart()))
    }
  }

  return {
    async record(userId: string, type: ActivityType, context: ActivityContext): Promise<void> {
      try {
        await db.insert(schema.authActivity).values({
          userId,
          type,
          ipAddress: context.ip,
          userAgent: truncatedUserAgent(context),
        })
        await pruneNowAndThen()
      } catch (error) {
        onError(error)
      }
    },

    /**
     * Records an event in the same statement as `alongside` (a data-modifying statement, run as
     * its CTE), so that both cost one round trip (a sign-in forgives its failed attempts this
     * way; docs/decisions/0320-sign-in-around-the-hash.md). Either both are written or neither,
     * and unlike `record` a failure is thrown: the caller decides what it may lose.
     */
    async recordWith(
      alongside: SQL,
      userId: string,
      type: ActivityType,
      context: ActivityContext,
    ): Promise<void> {
      await db.execute(sql`
        with alongside as (${alongside})
        insert into auth_activity (user_id, type, ip_address, user_agent)
        values (${userId}, ${type}, ${context.ip}, ${truncatedUserAgent(context)})`)
      await pruneNowAndThen().catch(onError)
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
