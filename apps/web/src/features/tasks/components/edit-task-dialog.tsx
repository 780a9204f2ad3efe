'use client'

import type { Task } from '@taskwise/contracts/task'
import type { RefObject } from 'react'
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog'
import { formValuesOf, type TaskFormOutput, type TaskFormValues } from '../task-form-values'
import { TaskForm, type TaskFormFailure } from './task-form'

export interface EditTaskDialogProps {
  task: Task
  open: boolean
  onOpenChange: (open: boolean) => void
  onSave: (values: TaskFormOutput, typed: TaskFormValues) => void
  failure: TaskFormFailure | undefined
  /** The dialog opens without a trigger of its own, so it says where focus goes back to. */
  returnFocusTo: RefObject<HTMLElement | null>
}

/** Edits every field of a task in a dialog; a refused edit reopens it with the server's messages. */
export function EditTaskDialog({
  task,
  open,
  onOpenChange,
  onSave,
  failure,
  returnFocusTo,
}: EditTaskDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        className="dark:scheme-dark"
        onCloseAutoFocus={(event) => {
          event.preventDefault()
          returnFocusTo.current?.focus()
        }}
      >
        <DialogHeader>
          <DialogTitle>Edit task</DialogTitle>
          <DialogDescription>Change the details, then save.</DialogDescription>
        </DialogHeader>
        <TaskForm
          defaultValues={failure?.values ?? formValuesOf(task)}
          submitLabel="Save changes"
          failure={failure}
          onSubmit={onSave}
          onCancel={() => onOpenChange(false)}
        />
      </DialogContent>
    </Dialog>
  )
}
