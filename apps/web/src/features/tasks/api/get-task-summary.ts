import type { TaskSummary } from '@taskwise/contracts/task-transfer'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { settle, taskApi } from '@/lib/task-api'
import { localToday } from '../task-dates'
import { taskKeys } from './query-keys'

/** GET /api/{userId}/tasks/summary?today=: exact counts, with the person's own date. */
export async function getTaskSummary(
  userId: string,
  today: string,
  signal?: AbortSignal,
): Promise<TaskSummary> {
  const body = await settle(
    taskApi.GET('/api/{user_id}/tasks/summary', {
      params: { path: { user_id: userId }, query: { today } },
      ...(signal ? { signal } : {}),
    }),
  )
  // The contract's schemas load with the first answer to read, not with the page (0312).
  const { taskSummarySchema } = await import('@taskwise/contracts/task-transfer')
  return taskSummarySchema.parse(body)
}

export function taskSummaryQueryOptions(userId: string, today: string) {
  return queryOptions({
    queryKey: taskKeys.summary(userId, today),
    queryFn: ({ signal }) => getTaskSummary(userId, today, signal),
  })
}

/**
 * "N tasks left" and friends (docs/decisions/0452). The task mutations shift it at once
 * (summary-cache.ts) and refetch it when they settle, like the lists.
 */
export function useTaskSummary(userId: string) {
  return useQuery(taskSummaryQueryOptions(userId, localToday()))
}
