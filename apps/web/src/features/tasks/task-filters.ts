import {
  taskPriorities,
  taskSorts,
  taskStatuses,
  TASK_CATEGORY_MAX,
  TASK_TITLE_MAX,
  type TaskPriority,
  type TaskSort,
} from '@taskwise/contracts/task-values'

export type TaskStatusFilter = (typeof taskStatuses)[number]

/** What the dashboard shows: the part of a list query a person chooses, kept in the URL. */
export interface TaskFilters {
  status: TaskStatusFilter
  priority: TaskPriority | undefined
  category: string | undefined
  q: string | undefined
  sort: TaskSort
}

export const DEFAULT_SORT: TaskSort = '-created'

export const defaultFilters: TaskFilters = {
  status: 'all',
  priority: undefined,
  category: undefined,
  q: undefined,
  sort: DEFAULT_SORT,
}

// A shared link can hold anything: a value the api would refuse falls back to the default
// instead of turning the dashboard into an error page. Read without zod: the dashboard's first
// render builds no schema (docs/decisions/0312).
function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return values.find((allowed) => allowed === value)
}

/** Trimmed text of 1 to `max` characters, or nothing. */
function text(value: string | undefined, max: number): string | undefined {
  const trimmed = value?.trim()
  return trimmed && trimmed.length <= max ? trimmed : undefined
}

interface ReadableParams {
  get(name: string): string | null
}

/** The filters a URL's query names (unknown or invalid values fall back to the defaults). */
export function filtersFromSearchParams(params: ReadableParams): TaskFilters {
  const value = (name: string) => params.get(name) ?? undefined
  return {
    status: oneOf(taskStatuses, value('status')) ?? 'all',
    priority: oneOf<TaskPriority>(taskPriorities, value('priority')),
    category: text(value('category'), TASK_CATEGORY_MAX),
    q: text(value('q'), TASK_TITLE_MAX),
    sort: oneOf<TaskSort>(taskSorts, value('sort')) ?? DEFAULT_SORT,
  }
}

/** The query string for some filters: defaults are left out, so the plain dashboard stays `/dashboard`. */
export function searchParamsFromFilters(filters: TaskFilters): URLSearchParams {
  const params = new URLSearchParams()
  if (filters.status !== 'all') params.set('status', filters.status)
  if (filters.priority) params.set('priority', filters.priority)
  if (filters.category) params.set('category', filters.category)
  if (filters.q) params.set('q', filters.q)
  if (filters.sort !== DEFAULT_SORT) params.set('sort', filters.sort)
  return params
}

export function hasActiveFilters(filters: TaskFilters): boolean {
  return Boolean(filters.status !== 'all' || filters.priority || filters.category || filters.q)
}
