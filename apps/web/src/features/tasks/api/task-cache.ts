import type { Task, TaskList } from '@taskwise/contracts/task'
import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query'
import type { TaskFilters } from '../task-filters'
import { taskKeys, type TaskListKeyParams } from './query-keys'
import { shiftSummaries } from './summary-cache'

/**
 * The optimistic side of the task mutations (docs/decisions/0451): every cached list of one
 * person is edited in place before the server answers, and the one change is undone when it
 * refuses. Each list decides from its own filters whether a task belongs in it, and the cached
 * summaries (the "N tasks left" counts) move with each change (summary-cache.ts).
 */

type TaskPages = InfiniteData<TaskList, string | null>

/** Whether a task belongs in a list with these filters, as the api would decide. */
export function matchesFilters(task: Task, filters: TaskFilters): boolean {
  if (filters.status === 'pending' && task.completed) return false
  if (filters.status === 'completed' && !task.completed) return false
  if (filters.priority && task.priority !== filters.priority) return false
  if (filters.category && task.category !== filters.category) return false
  if (filters.q) {
    const needle = filters.q.toLowerCase()
    const haystack = `${task.title}\n${task.description}`.toLowerCase()
    if (!haystack.includes(needle)) return false
  }
  return true
}

function paramsOf(key: QueryKey): TaskListKeyParams | undefined {
  const params = key[3]
  return typeof params === 'object' && params !== null ? (params as TaskListKeyParams) : undefined
}

/**
 * Stops the lists' fetches in flight: an answer that left before the edit would overwrite it.
 * Rollbacks undo one change (not a whole snapshot), so two edits in flight never undo each other.
 */
export async function cancelListFetches(client: QueryClient, userId: string): Promise<void> {
  await client.cancelQueries({ queryKey: taskKeys.all(userId) })
}

function editLists(
  client: QueryClient,
  userId: string,
  edit: (data: TaskPages, params: TaskListKeyParams) => TaskPages,
): void {
  for (const [key, data] of client.getQueriesData<TaskPages>({
    queryKey: taskKeys.lists(userId),
  })) {
    const params = paramsOf(key)
    if (!data || !params) continue
    client.setQueryData<TaskPages>(key, edit(data, params))
  }
}

function isComplete(data: TaskPages): boolean {
  return data.pages.at(-1)?.nextCursor === null
}

function prepend(data: TaskPages, task: Task): TaskPages {
  const [first, ...rest] = data.pages
  if (!first) return data
  return { ...data, pages: [{ ...first, items: [task, ...first.items] }, ...rest] }
}

function without(data: TaskPages, taskId: string): TaskPages {
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      items: page.items.filter((t) => t.id !== taskId),
    })),
  }
}

function contains(data: TaskPages, taskId: string): boolean {
  return data.pages.some((page) => page.items.some((t) => t.id === taskId))
}

/** A new task goes on top of every list it belongs in (the refetch then puts it in sort order). */
export function insertTask(client: QueryClient, userId: string, task: Task): void {
  shiftSummaries(client, userId, undefined, task)
  editLists(client, userId, (data, params) =>
    matchesFilters(task, params) ? prepend(data, task) : data,
  )
}

/**
 * Puts a task as it now is into every list: replaced where it still belongs, dropped where it no
 * longer does, added on top where it now does. A list with more pages on the server only takes a
 * newcomer on a rollback (it was there a moment ago); otherwise its refetch places it.
 */
export function placeTask(
  client: QueryClient,
  userId: string,
  taskId: string,
  next: Task,
  { rollback = false }: { rollback?: boolean } = {},
): void {
  const current = findTask(client, userId, taskId)
  if (current) shiftSummaries(client, userId, current, next)
  editLists(client, userId, (data, params) => {
    const belongs = matchesFilters(next, params)
    if (contains(data, taskId)) {
      if (!belongs) return without(data, taskId)
      return {
        ...data,
        pages: data.pages.map((page) => ({
          ...page,
          items: page.items.map((t) => (t.id === taskId ? next : t)),
        })),
      }
    }
    return belongs && (rollback || isComplete(data)) ? prepend(data, next) : data
  })
}

/** Changes a task wherever a list holds it (see {@link placeTask}). */
export function replaceTask(
  client: QueryClient,
  userId: string,
  taskId: string,
  change: (task: Task) => Task,
): void {
  const current = findTask(client, userId, taskId)
  if (current) placeTask(client, userId, taskId, change(current))
}

export function removeTask(client: QueryClient, userId: string, taskId: string): void {
  shiftSummaries(client, userId, findTask(client, userId, taskId), undefined)
  editLists(client, userId, (data) => without(data, taskId))
}

/** The task as a list holds it now (for a rollback). */
export function findTask(client: QueryClient, userId: string, taskId: string): Task | undefined {
  for (const [, data] of client.getQueriesData<TaskPages>({ queryKey: taskKeys.lists(userId) })) {
    const found = data?.pages.flatMap((page) => page.items).find((t) => t.id === taskId)
    if (found) return found
  }
  return undefined
}

/**
 * Refetches every list and count of this person once the last change in flight has settled: the
 * server's order and numbers win, and a refetch between two edits would show the first one's
 * state for a moment.
 */
export function refreshListsWhenIdle(
  client: QueryClient,
  userId: string,
): Promise<void> | undefined {
  if (client.isMutating({ mutationKey: taskKeys.all(userId) }) > 1) return undefined
  return client.invalidateQueries({ queryKey: taskKeys.all(userId) })
}
