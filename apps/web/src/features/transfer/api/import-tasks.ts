import { taskImportResultSchema, type TaskImportResult } from '@taskwise/contracts/task-transfer'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { tasksPath } from '@/features/tasks/api/list-tasks'
import { taskKeys } from '@/features/tasks/api/query-keys'
import { apiRequest } from '@/lib/api-client'

/** POST /api/{userId}/tasks/import with a parsed JSON export: every task is created, or none. */
export async function importTasks(userId: string, file: unknown): Promise<TaskImportResult> {
  const body = await apiRequest(`${tasksPath(userId)}/import`, { method: 'POST', body: file })
  return taskImportResultSchema.parse(body)
}

/** Imports, then refreshes every list and count of this person. */
export function useImportTasks(userId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (file: unknown) => importTasks(userId, file),
    onSuccess: () => client.invalidateQueries({ queryKey: taskKeys.all(userId) }),
  })
}
