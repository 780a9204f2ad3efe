'use client'

import type { Task } from '@taskwise/contracts/task'
import { CalendarDays, Pencil, Tag, Trash2 } from 'lucide-react'
import dynamic from 'next/dynamic'
import { useRef, useState } from 'react'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Checkbox } from '@/components/ui/checkbox'
import { ApiError } from '@/lib/problem-error'
import { cn } from '@/lib/utils'
import { useCompleteTask } from '../api/complete-task'
import { isPendingTask } from '../api/create-task'
import { useUpdateTask } from '../api/update-task'
import { formatDueDate, isOverdue } from '../task-dates'
import { useLocalToday } from '../use-local-today'
import type { TaskFormFailure } from './task-form'

/** The dialog's code (and the dialog library's) loads when a first task is edited, not with the list. */
const EditTaskDialog = dynamic(() =>
  import('./edit-task-dialog').then((module) => module.EditTaskDialog),
)

const priorityLabels = { low: 'Low', medium: 'Medium', high: 'High' } as const

export interface TaskItemProps {
  userId: string
  task: Task
  onDelete: (task: Task) => void
}

/** One task: its checkbox, what it is, when it is due, and its Edit and Delete buttons. */
export function TaskItem({ userId, task, onDelete }: TaskItemProps) {
  const completeTask = useCompleteTask(userId)
  const updateTask = useUpdateTask(userId)
  const [editing, setEditing] = useState(false)
  // Mounted from the first edit on, so that closing it can hand focus back to the Edit button.
  const [edited, setEdited] = useState(false)
  const [failure, setFailure] = useState<TaskFormFailure>()
  const pending = isPendingTask(task)
  const today = useLocalToday()
  const overdue = today !== null && isOverdue(task.dueDate, task.completed, today)
  const titleId = `task-${task.id}-title`
  const editButton = useRef<HTMLButtonElement>(null)

  return (
    <li
      aria-labelledby={titleId}
      aria-busy={pending || undefined}
      data-testid="task-item"
      className={cn(
        'flex items-start gap-3 rounded-lg border bg-card p-3 shadow-xs sm:p-4',
        overdue && 'border-destructive/50',
        pending && 'opacity-70',
      )}
    >
      <div className="pt-0.5">
        <Checkbox
          checked={task.completed}
          disabled={pending}
          aria-label={
            task.completed ? `Mark “${task.title}” as not done` : `Mark “${task.title}” as done`
          }
          onCheckedChange={(checked) =>
            completeTask.mutate({ taskId: task.id, completed: checked === true })
          }
        />
      </div>

      <div className="grid min-w-0 flex-1 gap-1.5">
        <p
          id={titleId}
          className={cn(
            'break-words font-medium leading-snug',
            task.completed && 'text-muted-foreground line-through',
          )}
        >
          {task.title}
        </p>
        {task.description ? (
          <p className="line-clamp-3 whitespace-pre-line break-words text-sm text-muted-foreground">
            {task.description}
          </p>
        ) : null}
        <div className="flex flex-wrap items-center gap-1.5 text-xs">
          <Badge variant={task.priority}>{priorityLabels[task.priority]} priority</Badge>
          {task.category ? (
            <Badge variant="outline" className="max-w-full">
              <Tag aria-hidden />
              <span className="sr-only">Category: </span>
              <span className="truncate">{task.category}</span>
            </Badge>
          ) : null}
          {task.dueDate ? (
            <Badge variant={overdue ? 'danger' : 'outline'} data-overdue={overdue || undefined}>
              <CalendarDays aria-hidden />
              {overdue ? 'Overdue · ' : 'Due '}
              <time dateTime={task.dueDate}>{formatDueDate(task.dueDate)}</time>
            </Badge>
          ) : null}
        </div>
      </div>

      <div className="flex shrink-0 items-center">
        <Button
          ref={editButton}
          variant="ghost"
          size="icon"
          disabled={pending}
          aria-label={`Edit “${task.title}”`}
          onClick={() => {
            setFailure(undefined)
            setEdited(true)
            setEditing(true)
          }}
        >
          <Pencil aria-hidden />
        </Button>
        <Button
          variant="ghost"
          size="icon"
          disabled={pending}
          aria-label={`Delete “${task.title}”`}
          className="text-muted-foreground hover:text-destructive"
          onClick={() => onDelete(task)}
        >
          <Trash2 aria-hidden />
        </Button>
      </div>

      {edited ? (
        <EditTaskDialog
          task={task}
          open={editing}
          returnFocusTo={editButton}
          onOpenChange={setEditing}
          failure={failure}
          onSave={(values, typed) => {
            setEditing(false)
            updateTask.mutate(
              { taskId: task.id, changes: values },
              {
                onError: (error) => {
                  // A validation refusal reopens the dialog with what was typed and the
                  // messages next to their fields; other failures are told by the toast.
                  if (error instanceof ApiError && error.status === 400) {
                    setFailure({ values: typed, error })
                    setEditing(true)
                  }
                },
              },
            )
          }}
        />
      ) : null}
    </li>
  )
}
