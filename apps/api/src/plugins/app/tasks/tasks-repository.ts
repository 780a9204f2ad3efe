import type { CreateTask, Task, UpdateTask } from '@taskwise/contracts/task'
import type { Database } from '@taskwise/db/client'
import { task } from '@taskwise/db/schema/task'
import { and, eq, sql } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { reserveTaskRoom } from './task-cap'
import { createTaskPages, type ListTasks } from './task-pages'
import { toTask } from './task-row'

declare module 'fastify' {
  interface FastifyInstance {
    tasksRepository: TasksRepository
  }
}

/**
 * The data work on tasks. Every statement carries `user_id = <owner>` in its WHERE, so another
 * user's task is simply not found (null), exactly like a task that never existed.
 */
export interface TasksRepository {
  /** One page of the user's tasks; throws InvalidCursorError for a cursor the database refuses. */
  list: ListTasks
  findById(userId: string, id: string): Promise<Task | null>
  /** Throws TaskLimitError when the user already has the most tasks allowed. */
  create(userId: string, input: CreateTask): Promise<Task>
  update(userId: string, id: string, input: UpdateTask): Promise<Task | null>
  /** Sets `completed` when given, toggles it otherwise; `completedAt` follows. */
  complete(userId: string, id: string, completed?: boolean): Promise<Task | null>
  remove(userId: string, id: string): Promise<boolean>
}

export interface TaskCapOptions {
  maxTasksPerUser: number
}

export function createTasksRepository(
  db: Database,
  { maxTasksPerUser }: TaskCapOptions,
): TasksRepository {
  const owned = (userId: string, id: string) => and(eq(task.id, id), eq(task.userId, userId))

  return {
    list: createTaskPages(db),

    async findById(userId, id) {
      const [row] = await db.select().from(task).where(owned(userId, id)).limit(1)
      return row ? toTask(row) : null
    },

    async create(userId, input) {
      return db.transaction(async (tx) => {
        await reserveTaskRoom(tx, userId, 1, maxTasksPerUser)
        const [row] = await tx
          .insert(task)
          .values({
            userId,
            title: input.title,
            description: input.description,
            priority: input.priority,
            category: input.category,
            dueDate: input.dueDate,
            completed: input.completed,
            completedAt: input.completed ? sql`now()` : null,
          })
          .returning()
        if (!row) throw new Error('INSERT … RETURNING returned no row')
        return toTask(row)
      })
    },

    async update(userId, id, input) {
      const { completed, ...fields } = input
      const [row] = await db
        .update(task)
        .set({
          ...fields,
          ...(completed === undefined
            ? {}
            : {
                completed,
                completedAt: completed ? sql`coalesce(${task.completedAt}, now())` : null,
              }),
          updatedAt: sql`now()`,
        })
        .where(owned(userId, id))
        .returning()
      return row ? toTask(row) : null
    },

    async complete(userId, id, completed) {
      const next = completed === undefined ? sql`not ${task.completed}` : sql`${completed}::boolean`
      const [row] = await db
        .update(task)
        .set({
          completed: next,
          // Kept when it stays completed, set when it becomes completed, cleared otherwise.
          completedAt: sql`case when ${next} then coalesce(${task.completedAt}, now()) else null end`,
          updatedAt: sql`now()`,
        })
        .where(owned(userId, id))
        .returning()
      return row ? toTask(row) : null
    },

    async remove(userId, id) {
      const deleted = await db.delete(task).where(owned(userId, id)).returning({ id: task.id })
      return deleted.length > 0
    },
  }
}

export const tasksRepositoryPlugin = fp(
  async (fastify: FastifyInstance, options: TaskCapOptions) => {
    fastify.decorate('tasksRepository', createTasksRepository(fastify.db, options))
  },
  { name: 'tasks-repository', dependencies: ['db'] },
)
