/**
 * The task contract's plain values: limits, priorities, statuses and sort keys, without zod.
 * `task.ts` builds its schemas from these and re-exports them; a page that needs only the values
 * (the dashboard's filters and selects) imports this module and does not build any schema.
 */

export const TASK_TITLE_MAX = 200
export const TASK_DESCRIPTION_MAX = 2_000
export const TASK_CATEGORY_MAX = 50
export const TASK_LIST_LIMIT_MAX = 100
export const TASK_LIST_LIMIT_DEFAULT = 20

export const taskPriorities = ['low', 'medium', 'high'] as const
export type TaskPriority = (typeof taskPriorities)[number]

export const taskStatuses = ['all', 'pending', 'completed'] as const

/** Sort keys; a leading `-` sorts descending. */
export const taskSortKeys = ['created', 'updated', 'dueDate', 'priority', 'title'] as const
export type TaskSortKey = (typeof taskSortKeys)[number]
export type TaskSort = TaskSortKey | `-${TaskSortKey}`
export const taskSorts = taskSortKeys.flatMap((key) => [key, `-${key}`] as const)
