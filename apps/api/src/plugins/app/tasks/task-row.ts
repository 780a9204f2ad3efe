import type { Task } from '@taskwise/contracts/task'
import type { TaskRow } from '@taskwise/db/schema/task'

/** A task as the api answers it, from its row. */
export function toTask(row: TaskRow): Task {
  return {
    id: row.id,
    userId: row.userId,
    title: row.title,
    description: row.description,
    completed: row.completed,
    priority: row.priority,
    category: row.category,
    dueDate: row.dueDate,
    completedAt: row.completedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}
