import type { Database } from '@taskwise/db/client'
import { task } from '@taskwise/db/schema/task'
import { count, eq, sql } from 'drizzle-orm'

/**
 * The cap on tasks per user (docs/decisions/0500-api-limits-shared-across-instances.md). Creating
 * and importing check it inside their transaction, after taking a lock on the owner, so parallel
 * requests (on any api instance) cannot together pass it.
 */

/** Creating `adding` tasks would take the user past the cap; nothing was written. */
export class TaskLimitError extends Error {
  override name = 'TaskLimitError'
  constructor(
    readonly max: number,
    readonly existing: number,
    readonly adding: number,
  ) {
    super(`task cap ${max} reached: ${existing} + ${adding}`)
  }
}

type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0]

/** The first key of the advisory lock: Taskwise's task cap (the second is the owner's hash). */
const TASK_CAP_LOCK = 0x7461736b

/**
 * In `tx`: waits for the owner's advisory lock (held until the transaction ends), then counts
 * their tasks, which in READ COMMITTED sees every insert committed before the lock was granted.
 */
export async function reserveTaskRoom(
  tx: Transaction,
  userId: string,
  adding: number,
  max: number,
): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${TASK_CAP_LOCK}, hashtext(${userId}))`)
  const [row] = await tx.select({ existing: count() }).from(task).where(eq(task.userId, userId))
  const existing = row?.existing ?? 0
  if (existing + adding > max) throw new TaskLimitError(max, existing, adding)
}
