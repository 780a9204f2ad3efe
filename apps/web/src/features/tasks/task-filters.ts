import {
  taskPrioritySchema,
  taskSortSchema,
  taskStatuses,
  TASK_CATEGORY_MAX,
  TASK_TITLE_MAX,
  type TaskPriority,
  type TaskSort,
} from '@taskwise/contracts/task'
import { z } from 'zod'

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

const text = (max: number) => z.string().trim().min(1).max(max).optional().catch(undefined)

// A shared link can hold anything: a value the api would refuse falls back to the default
// instead of turning the dashboard into an error page.
const searchSchema = z.object({
  status: z.enum(taskStatuses).catch('all'),
  priority: taskPrioritySchema.optional().catch(undefined),
  category: text(TASK_CATEGORY_MAX),
  q: text(TASK_TITLE_MAX),
  sort: taskSortSchema.catch(DEFAULT_SORT),
})

interface ReadableParams {
  get(name: string): string | null
}

/** The filters a URL's query names (unknown or invalid values fall back to the defaults). */
export function filtersFromSearchParams(params: ReadableParams): TaskFilters {
  const value = (name: string) => params.get(name) ?? undefined
  const parsed = searchSchema.parse({
    status: value('status'),
    priority: value('priority'),
    category: value('category'),
    q: value('q'),
    sort: value('sort'),
  })
  return {
    status: parsed.status,
    priority: parsed.priority,
    category: parsed.category,
    q: parsed.q,
    sort: parsed.sort,
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
