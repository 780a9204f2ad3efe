import type { Task, UpdateTask } from '@taskwise/contracts/task'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { settle, taskApi } from '@/lib/task-api'
import { taskKeys } from './query-keys'
import { toastRefusal } from './refusal-toast'
import {
  cancelListFetches,
  findTask,
  placeTask,
  refreshListsWhenIdle,
  replaceTask,
} from './task-cache'

export interface UpdateTaskVariables {
  taskId: string
  changes: UpdateTask
}

/** PUT /api/{userId}/tasks/{taskId}: the fields given are changed, the others kept. */
export async function updateTask(
  userId: string,
  taskId: string,
  changes: UpdateTask,
): Promise<Task> {
  const body = await settle(
    taskApi.PUT('/api/{user_id}/tasks/{task_id}', {
      params: { path: { user_id: userId, task_id: taskId } },
      body: changes,
    }),
  )
  // The contract's schemas load with the first answer to read, not with the page (0312).
  const { taskSchema } = await import('@taskwise/contracts/task')
  return taskSchema.parse(body)
}

function applyChanges(task: Task, changes: UpdateTask): Task {
  const defined = Object.fromEntries(
    Object.entries(changes).filter(([, value]) => value !== undefined),
  )
  return { ...task, ...defined, updatedAt: new Date().toISOString() }
}

/** Saves an edit at once; the server's refusal puts the task back as it was, with a toast. */
export function useUpdateTask(userId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationKey: taskKeys.all(userId),
    mutationFn: ({ taskId, changes }: UpdateTaskVariables) => updateTask(userId, taskId, changes),
    onMutate: async ({ taskId, changes }) => {
      await cancelListFetches(client, userId)
      const previous = findTask(client, userId, taskId)
      replaceTask(client, userId, taskId, (task) => applyChanges(task, changes))
      return { previous }
    },
    onSuccess: (saved) => {
      placeTask(client, userId, saved.id, saved)
    },
    onError: (error, { taskId }, context) => {
      const previous = context?.previous
      if (previous) placeTask(client, userId, taskId, previous, { rollback: true })
      toastRefusal('Your change was not saved', error)
    },
    onSettled: () => refreshListsWhenIdle(client, userId),
  })
}
