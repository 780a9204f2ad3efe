import type { CreateTask, Task } from '@taskwise/contracts/task'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { settle, taskApi } from '@/lib/task-api'
import { taskKeys } from './query-keys'
import { toastRefusal } from './refusal-toast'
import {
  cancelListFetches,
  insertTask,
  placeTask,
  refreshListsWhenIdle,
  removeTask,
} from './task-cache'

/** POST /api/{userId}/tasks. */
export async function createTask(userId: string, input: CreateTask): Promise<Task> {
  const created = await settle(
    taskApi.POST('/api/{user_id}/tasks', { params: { path: { user_id: userId } }, body: input }),
  )
  // The contract's schemas load with the first answer to read, not with the page (0312).
  const { taskSchema } = await import('@taskwise/contracts/task')
  return taskSchema.parse(created)
}

const PENDING_PREFIX = 'pending-'

/** A task shown before the server has stored it: it has no real id yet, so it cannot be changed. */
export function isPendingTask(task: Task): boolean {
  return task.id.startsWith(PENDING_PREFIX)
}

function placeholderTask(userId: string, input: CreateTask): Task {
  const now = new Date().toISOString()
  return {
    id: `${PENDING_PREFIX}${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`,
    userId,
    title: input.title,
    description: input.description,
    completed: input.completed,
    priority: input.priority,
    category: input.category,
    dueDate: input.dueDate,
    completedAt: input.completed ? now : null,
    createdAt: now,
    updatedAt: now,
  }
}

/** Adds a task at once; the server's refusal takes it away again and says why in a toast. */
export function useCreateTask(userId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationKey: taskKeys.all(userId),
    mutationFn: (input: CreateTask) => createTask(userId, input),
    onMutate: async (input) => {
      await cancelListFetches(client, userId)
      const placeholder = placeholderTask(userId, input)
      insertTask(client, userId, placeholder)
      return { placeholderId: placeholder.id }
    },
    onSuccess: (created, _input, context) => {
      placeTask(client, userId, context.placeholderId, created)
    },
    onError: (error, input, context) => {
      if (context) removeTask(client, userId, context.placeholderId)
      toastRefusal(`“${input.title}” was not added`, error)
    },
    onSettled: () => refreshListsWhenIdle(client, userId),
  })
}
