import { taskImportResultSchema, type TaskImportResult } from '@taskwise/contracts/task-transfer'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { taskKeys } from '@/features/tasks/api/query-keys'
import { settle, taskApi } from '@/lib/task-api'

/** POST /api/{userId}/tasks/import with a parsed JSON export: every task is created, or none. */
export async function importTasks(userId: string, file: unknown): Promise<TaskImportResult> {
  const body = await settle(
    taskApi.POST('/api/{user_id}/tasks/import', {
      params: { path: { user_id: userId } },
      // The file as read: the server validates it and names the first bad record.
      body: file as never,
    }),
  )
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
