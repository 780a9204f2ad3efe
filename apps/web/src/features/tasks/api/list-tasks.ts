import type { TaskClient } from '@taskwise/api-client/tasks'
import type { TaskList } from '@taskwise/contracts/task'
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query'
import { settle, taskApi } from '@/lib/task-api'
import type { TaskFilters } from '../task-filters'
import { taskKeys } from './query-keys'

/** Tasks per page of the dashboard's list; "Load more" fetches the next page by cursor. */
export const TASKS_PAGE_SIZE = 20

export function tasksPath(userId: string): string {
  return `/api/${encodeURIComponent(userId)}/tasks`
}

/**
 * GET /api/{userId}/tasks: one page of a filtered, sorted list, through `client` (the browser's,
 * by the page's origin and cookie; or the server's, straight to the api, when it prefetches).
 */
export async function listTasks(
  client: TaskClient,
  userId: string,
  filters: TaskFilters,
  limit: number,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<TaskList> {
  const body = await settle(
    client.GET('/api/{user_id}/tasks', {
      params: {
        path: { user_id: userId },
        query: {
          status: filters.status,
          sort: filters.sort,
          limit,
          ...(filters.priority ? { priority: filters.priority } : {}),
          ...(filters.category ? { category: filters.category } : {}),
          ...(filters.q ? { q: filters.q } : {}),
          ...(cursor ? { cursor } : {}),
        },
      },
      ...(signal ? { signal } : {}),
    }),
  )
  // The contract's schemas load with the first answer to read, not with the page (0312).
  const { taskListSchema } = await import('@taskwise/contracts/task')
  return taskListSchema.parse(body)
}

/**
 * The list's query, the same on both sides: the dashboard's server render prefetches the first
 * page with these options (and its own `client`), the browser hydrates it and goes on with them.
 */
export function tasksQueryOptions(
  userId: string,
  filters: TaskFilters,
  limit = TASKS_PAGE_SIZE,
  client: TaskClient = taskApi,
) {
  return infiniteQueryOptions({
    queryKey: taskKeys.list(userId, filters, limit),
    queryFn: ({ pageParam, signal }) =>
      listTasks(client, userId, filters, limit, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  })
}

/**
 * The dashboard's list: pages of tasks for the filters in the URL. While another view loads, the
 * previous one stays on screen (marked busy) rather than flashing back to skeletons.
 */
export function useTasks(userId: string, filters: TaskFilters) {
  return useInfiniteQuery({
    ...tasksQueryOptions(userId, filters),
    placeholderData: keepPreviousData,
  })
}
