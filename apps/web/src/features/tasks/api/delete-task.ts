import type { Task } from '@taskwise/contracts/task'
import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useSyncExternalStore } from 'react'
import { toast } from 'sonner'
import { ApiError } from '@/lib/problem-error'
import { settle, taskApi } from '@/lib/task-api'
import { toastRefusal } from './refusal-toast'
import { refreshListsWhenIdle, removeTask } from './task-cache'

/** How long "Undo" is offered before the delete is sent (docs/decisions/0450). */
export const UNDO_DELETE_MS = 5_000

/** DELETE /api/{userId}/tasks/{taskId}. `keepalive` lets it finish while the page unloads. */
export async function deleteTask(userId: string, taskId: string, keepalive = false): Promise<void> {
  await settle(
    taskApi.DELETE('/api/{user_id}/tasks/{task_id}', {
      params: { path: { user_id: userId, task_id: taskId } },
      ...(keepalive ? { keepalive } : {}),
    }),
  )
}

/**
 * Deletes waiting out their Undo window. A task here is hidden from every list, even when a
 * refetch brings it back from the server, which still has it until the window closes.
 */
interface PendingDelete {
  userId: string
  task: Task
  timer: ReturnType<typeof setTimeout>
}

const pending = new Map<string, PendingDelete>()
/** Sent, not yet answered: still hidden, no longer undoable. */
const sending = new Set<string>()
let hiddenIds: ReadonlySet<string> = new Set()
const listeners = new Set<() => void>()

function publish(): void {
  hiddenIds = new Set([...pending.keys(), ...sending])
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

const emptySet: ReadonlySet<string> = new Set()

/** The ids of tasks deleted but still undoable: lists leave them out. */
export function useHiddenTaskIds(): ReadonlySet<string> {
  return useSyncExternalStore(
    subscribe,
    () => hiddenIds,
    () => emptySet,
  )
}

/** Sends a waiting delete now (the window closed, the toast was dismissed, or the page is going). */
function commit(client: QueryClient, taskId: string, keepalive = false): void {
  const entry = pending.get(taskId)
  if (!entry) return
  clearTimeout(entry.timer)
  pending.delete(taskId)
  sending.add(taskId)
  toast.dismiss(undoToastId(taskId))
  deleteTask(entry.userId, taskId, keepalive)
    // Out of the lists and counts before it is shown again, so neither flashes back.
    .then(() => removeTask(client, entry.userId, taskId))
    .catch((error: unknown) => {
      // A task that is already gone is what the person asked for.
      if (error instanceof ApiError && error.status === 404) return
      toastRefusal(`“${entry.task.title}” was not deleted`, error)
    })
    .finally(() => {
      sending.delete(taskId)
      publish()
      void refreshListsWhenIdle(client, entry.userId)
    })
}

function undo(client: QueryClient, taskId: string): void {
  const entry = pending.get(taskId)
  if (!entry) return
  clearTimeout(entry.timer)
  pending.delete(taskId)
  publish()
  void refreshListsWhenIdle(client, entry.userId)
}

function undoToastId(taskId: string): string {
  return `delete-${taskId}`
}

/**
 * Delete with Undo: the task leaves the list at once, a toast offers Undo, and the DELETE is sent
 * only when the window closes (or the toast is dismissed). If the server then refuses, the task
 * comes back with a toast. Leaving the page sends the waiting deletes.
 */
export function useDeleteTask(userId: string): (task: Task) => void {
  const client = useQueryClient()

  useEffect(() => {
    const flush = () => {
      for (const taskId of [...pending.keys()]) commit(client, taskId, true)
    }
    window.addEventListener('pagehide', flush)
    return () => window.removeEventListener('pagehide', flush)
  }, [client])

  return useCallback(
    (task: Task) => {
      if (pending.has(task.id)) return
      const timer = setTimeout(() => commit(client, task.id), UNDO_DELETE_MS)
      pending.set(task.id, { userId, task, timer })
      publish()
      toast(`Deleted “${task.title}”`, {
        id: undoToastId(task.id),
        duration: UNDO_DELETE_MS,
        action: { label: 'Undo', onClick: () => undo(client, task.id) },
        onDismiss: () => commit(client, task.id),
      })
    },
    [client, userId],
  )
}
