import type { Task } from '@taskwise/contracts/task'
import type { ImportTask, TaskSummary } from '@taskwise/contracts/task-transfer'
import type { Database } from '@taskwise/db/client'
import { task, type NewTaskRow } from '@taskwise/db/schema/task'
import { and, asc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { reserveTaskRoom } from './task-cap'
import { toTask } from './task-row'
import type { TaskCapOptions } from './tasks-repository'

declare module 'fastify' {
  interface FastifyInstance {
    taskCollection: TaskCollectionRepository
  }
}

/**
 * Work on all of a user's tasks at once: the summary counts, the export's reads and the
 * import's writes. Like the tasks repository, every statement has `user_id = <owner>` in it.
 */
export interface TaskCollectionRepository {
  /** Counts in one query; overdue and due today are pending tasks, relative to `today`. */
  summary(userId: string, today: string): Promise<TaskSummary>
  /**
   * Every task, oldest first, in keyset batches read as the caller asks for them: memory stays
   * at one batch whatever the count, and no connection is held between batches.
   */
  batches(userId: string, size?: number): AsyncGenerator<Task[], void, undefined>
  /**
   * Creates every task in one transaction, or none of them; returns how many. Throws
   * TaskLimitError when they would take the user past the cap.
   */
  importAll(userId: string, tasks: ImportTask[]): Promise<number>
}

export const EXPORT_BATCH_SIZE = 500
/** Rows per INSERT: 10 parameters each, well under PostgreSQL's 65,535 per statement. */
const IMPORT_CHUNK_SIZE = 1_000

/**
 * A row for one imported task. Absent timestamps become `stamp`: the import time plus the task's
 * position in milliseconds, so tasks without a createdAt keep the file's order.
 */
function toRow(userId: string, input: ImportTask, stamp: Date): NewTaskRow {
  const at = (value: string | null | undefined) => (value ? new Date(value) : stamp)
  return {
    userId,
    title: input.title,
    description: input.description,
    priority: input.priority,
    category: input.category,
    dueDate: input.dueDate,
    completed: input.completed,
    completedAt: input.completed ? at(input.completedAt) : null,
    createdAt: at(input.createdAt),
    updatedAt: at(input.updatedAt),
  }
}

export function createTaskCollectionRepository(
  db: Database,
  { maxTasksPerUser }: TaskCapOptions,
): TaskCollectionRepository {
  return {
    async summary(userId, today) {
      const pending = sql`not ${task.completed}`
      const count = (condition: SQL) =>
        sql<number>`(count(*) filter (where ${condition}))::int`.mapWith(Number)
      const [row] = await db
        .select({
          pending: count(pending),
          completed: count(sql`${task.completed}`),
          overdue: count(sql`${pending} and ${task.dueDate} < ${today}::date`),
          dueToday: count(sql`${pending} and ${task.dueDate} = ${today}::date`),
        })
        .from(task)
        .where(eq(task.userId, userId))
      return row ?? { pending: 0, completed: 0, overdue: 0, dueToday: 0 }
    },

    async *batches(userId, size = EXPORT_BATCH_SIZE) {
      // The key carries created_at with its microseconds (a Date would drop them, see 0104).
      const createdKey = sql<string>`to_char(${task.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
      let after: { created: string; id: string } | undefined
      for (;;) {
        const rows = await db
          .select({ ...getTableColumns(task), createdKey: createdKey.as('created_key') })
          .from(task)
          .where(
            and(
              eq(task.userId, userId),
              after
                ? sql`(${task.createdAt}, ${task.id}) > (${after.created}::timestamptz, ${after.id}::uuid)`
                : undefined,
            ),
          )
          .orderBy(asc(task.createdAt), asc(task.id))
          .limit(size)
        const last = rows.at(-1)
        if (rows.length > 0) yield rows.map(toTask)
        if (!last || rows.length < size) return
        after = { created: last.createdKey, id: last.id }
      }
    },

    async importAll(userId, tasks) {
      if (tasks.length === 0) return 0
      const now = Date.now()
      const rows = tasks.map((input, index) => toRow(userId, input, new Date(now + index)))
      await db.transaction(async (tx) => {
        await reserveTaskRoom(tx, userId, rows.length, maxTasksPerUser)
        for (let start = 0; start < rows.length; start += IMPORT_CHUNK_SIZE) {
          await tx.insert(task).values(rows.slice(start, start + IMPORT_CHUNK_SIZE))
        }
      })
      return tasks.length
    },
  }
}

export const taskCollectionRepositoryPlugin = fp(
  async (fastify: FastifyInstance, options: TaskCapOptions) => {
    fastify.decorate('taskCollection', createTaskCollectionRepository(fastify.db, options))
  },
  { name: 'task-collection-repository', dependencies: ['db'] },
)
