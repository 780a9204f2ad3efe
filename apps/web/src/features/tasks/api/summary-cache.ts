import type { Task } from '@taskwise/contracts/task'
import type { TaskSummary } from '@taskwise/contracts/task-transfer'
import type { QueryClient } from '@tanstack/react-query'
import { isOverdue } from '../task-dates'
import { taskKeys } from './query-keys'

const none: TaskSummary = { pending: 0, completed: 0, overdue: 0, dueToday: 0 }

/** What one task adds to the counts on `today`, as the api counts it. */
export function contribution(task: Task | undefined, today: string): TaskSummary {
  if (!task) return none
  if (task.completed) return { ...none, completed: 1 }
  return {
    pending: 1,
    completed: 0,
    overdue: isOverdue(task.dueDate, task.completed, today) ? 1 : 0,
    dueToday: task.dueDate === today ? 1 : 0,
  }
}

/** `summary` less what `tasks` contribute (never below zero). */
export function withoutTasks(summary: TaskSummary, tasks: Task[], today: string): TaskSummary {
  const result = { ...summary }
  for (const task of tasks) {
    const minus = contribution(task, today)
    for (const key of Object.keys(result) as (keyof TaskSummary)[]) {
      result[key] = Math.max(0, result[key] - minus[key])
    }
  }
  return result
}

/**
 * Moves every cached summary of this person from `before` to `after` (either may be absent: a
 * task created or removed), so the counts change with the optimistic edit, not a round trip later.
 */
export function shiftSummaries(
  client: QueryClient,
  userId: string,
  before: Task | undefined,
  after: Task | undefined,
): void {
  for (const [key, data] of client.getQueriesData<TaskSummary>({
    queryKey: taskKeys.summaries(userId),
  })) {
    const today = key[3]
    if (!data || typeof today !== 'string') continue
    const plus = contribution(after, today)
    const shifted = withoutTasks(data, before ? [before] : [], today)
    client.setQueryData<TaskSummary>(key, {
      pending: shifted.pending + plus.pending,
      completed: shifted.completed + plus.completed,
      overdue: shifted.overdue + plus.overdue,
      dueToday: shifted.dueToday + plus.dueToday,
    })
  }
}
