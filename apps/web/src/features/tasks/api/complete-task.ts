import type { Task } from '@taskwise/contracts/task'
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

export interface CompleteTaskVariables {
  taskId: string
  completed: boolean
}

/**
 * PATCH /api/{userId}/tasks/{taskId}/complete with the state the person chose: setting (not
 * toggling) makes a double click or a retried request land where the checkbox shows.
 */
export async function completeTask(
  userId: string,
  taskId: string,
  completed: boolean,
): Promise<Task> {
  const body = await settle(
    taskApi.PATCH('/api/{user_id}/tasks/{task_id}/complete', {
      params: { path: { user_id: userId, task_id: taskId } },
      body: { completed },
    }),
  )
  // The contract's schemas load with the first answer to read, not with the page (0312).
  const { taskSchema } = await import('@taskwise/contracts/task')
  return taskSchema.parse(body)
}

/** Ticks or unticks at once; the server's refusal puts the box back, with a toast. */
export function useCompleteTask(userId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationKey: taskKeys.all(userId),
    mutationFn: ({ taskId, completed }: CompleteTaskVariables) =>
      completeTask(userId, taskId, completed),
    onMutate: async ({ taskId, completed }) => {
      await cancelListFetches(client, userId)
      const previous = findTask(client, userId, taskId)
      const now = new Date().toISOString()
      replaceTask(client, userId, taskId, (task) => ({
        ...task,
        completed,
        completedAt: completed ? now : null,
        updatedAt: now,
      }))
      return { previous }
    },
    onSuccess: (saved) => {
      placeTask(client, userId, saved.id, saved)
    },
    onError: (error, { completed }, context) => {
      const previous = context?.previous
      if (previous) placeTask(client, userId, previous.id, previous, { rollback: true })
      toastRefusal(completed ? 'The task was not marked done' : 'The task was not reopened', error)
    },
    onSettled: () => refreshListsWhenIdle(client, userId),
  })
}
