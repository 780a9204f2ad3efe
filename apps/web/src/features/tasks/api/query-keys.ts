import type { TaskFilters } from '../task-filters'

/**
 * Every cache key of the tasks feature, in one place. All of a person's task data sits under
 * `['tasks', userId]`, so one invalidation refreshes every list and count after a change.
 */
export const taskKeys = {
  all: (userId: string) => ['tasks', userId] as const,
  lists: (userId: string) => ['tasks', userId, 'list'] as const,
  list: (userId: string, filters: TaskFilters, limit: number) =>
    ['tasks', userId, 'list', { ...filters, limit }] as const,
  summaries: (userId: string) => ['tasks', userId, 'summary'] as const,
  /** The counts relative to the person's date (overdue and due today depend on it). */
  summary: (userId: string, today: string) => ['tasks', userId, 'summary', today] as const,
}

/** The filters part of a list key (see {@link taskKeys.list}). */
export type TaskListKeyParams = TaskFilters & { limit: number }
