'use client'

import type { Task } from '@taskwise/contracts/task'
import type { RefObject } from 'react'
import { ApiError } from '@/lib/problem-error'
import { useUpdateTask } from '../api/update-task'
import { EditTaskDialog } from './edit-task-dialog'
import type { TaskFormFailure } from './task-form'

export interface TaskEditorProps {
  userId: string
  task: Task
  open: boolean
  onOpenChange: (open: boolean) => void
  /** The last refusal, shown until the next press of Edit (see useTaskEditing). */
  failure: TaskFormFailure | undefined
  onFailure: (failure: TaskFormFailure) => void
  returnFocusTo: RefObject<HTMLElement | null>
}

/**
 * The edit dialog of one task with the mutation that saves it. A row mounts it from its first
 * Edit on (and loads its code then), so a list that is only read hydrates no save hooks.
 */
export function TaskEditor({
  userId,
  task,
  open,
  onOpenChange,
  failure,
  onFailure,
  returnFocusTo,
}: TaskEditorProps) {
  const updateTask = useUpdateTask(userId)

  return (
    <EditTaskDialog
      task={task}
      open={open}
      returnFocusTo={returnFocusTo}
      onOpenChange={onOpenChange}
      failure={failure}
      onSave={(values, typed) => {
        onOpenChange(false)
        updateTask.mutate(
          { taskId: task.id, changes: values },
          {
            onError: (error) => {
              // A validation refusal reopens the dialog with what was typed and the
              // messages next to their fields; other failures are told by the toast.
              if (error instanceof ApiError && error.status === 400) {
                onFailure({ values: typed, error })
                onOpenChange(true)
              }
            },
          },
        )
      }}
    />
  )
}
