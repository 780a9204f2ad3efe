'use client'

import { useState } from 'react'
import { useCreateTask } from '../api/create-task'
import { TaskForm, type TaskFormFailure } from './task-form'

/**
 * Title and Enter adds a task; "More options" opens description, priority, category and due date.
 * The form empties at once (the task is already in the list); if the server refuses, what was
 * typed comes back, with the server's field messages, unless a new task is being typed.
 */
export function QuickAdd({ userId }: { userId: string }) {
  const createTask = useCreateTask(userId)
  const [failure, setFailure] = useState<TaskFormFailure>()

  return (
    <section
      aria-labelledby="quick-add-heading"
      className="rounded-lg border bg-card p-4 shadow-xs"
    >
      <h2 id="quick-add-heading" className="sr-only">
        Add a task
      </h2>
      <TaskForm
        variant="quick"
        submitLabel="Add"
        resetOnSubmit
        failure={failure}
        onSubmit={(values, typed) => {
          setFailure(undefined)
          createTask.mutate(
            { ...values, completed: false },
            { onError: (error) => setFailure({ values: typed, error }) },
          )
        }}
      />
    </section>
  )
}
