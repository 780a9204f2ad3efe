'use client'

import type { Task } from '@taskwise/contracts/task'
import { useState, type RefObject } from 'react'
import { ApiError } from '@/lib/problem-error'
import { useUpdateTask } from '../api/update-task'
import { EditTaskDialog } from './edit-task-dialog'
import type { TaskFormFailure } from './task-form'

export interface TaskEditorProps {
  userId: string
  task: Task
  open: boolean
  onOpenChange: (open: boolean) => void
  /** Counts the Edit button's presses: each one starts from the task, not an earlier refusal. */
  session: number
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
  session,
  returnFocusTo,
}: TaskEditorProps) {
  const updateTask = useUpdateTask(userId)
  const [failure, setFailure] = useState<TaskFormFailure>()
  const [failureSession, setFailureSession] = useState(session)
  if (failureSession !== session) {
    setFailureSession(session)
    setFailure(undefined)
  }

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
                setFailure({ values: typed, error })
                onOpenChange(true)
              }
            },
          },
        )
      }}
    />
  )
}
