'use client'

import type { Task } from '@taskwise/contracts/task'
import { CalendarDays, Pencil, Tag, Trash2 } from 'lucide-react'
import dynamic from 'next/dynamic'
import { memo, useRef } from 'react'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { NativeCheckbox } from '@/components/ui/native-checkbox'
import { cn } from '@/lib/utils'
import { isPendingTask } from '../api/create-task'
import { formatDueDate } from '../task-dates'
import { useTaskEditing } from '../use-task-editing'

/**
 * The edit dialog, the dialog library and the mutation that saves an edit load when a first task
 * is edited, not with the list.
 */
const TaskEditor = dynamic(() => import('./task-editor').then((module) => module.TaskEditor))

const priorityLabels = { low: 'Low', medium: 'Medium', high: 'High' } as const

export interface TaskItemProps {
  userId: string
  task: Task
  /** Decided by the list once the person's own date is known (never on the server). */
  overdue: boolean
  onComplete: (task: Task, completed: boolean) => void
  onDelete: (task: Task) => void
}

/**
 * One task: its checkbox, what it is, when it is due, and its Edit and Delete buttons. Memoised:
 * the list passes the same callbacks every time, so a change to one task re-renders that row only.
 */
export const TaskItem = memo(function TaskItem({
  userId,
  task,
  overdue,
  onComplete,
  onDelete,
}: TaskItemProps) {
  // The editor is mounted from the first Edit on, so that closing it can hand focus back to the
  // Edit button.
  const editor = useTaskEditing()
  const pending = isPendingTask(task)
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
        <NativeCheckbox
          checked={task.completed}
          disabled={pending}
          aria-label={
            task.completed ? `Mark “${task.title}” as not done` : `Mark “${task.title}” as done`
          }
          onCheckedChange={(checked) => onComplete(task, checked)}
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
          onClick={editor.start}
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

      {editor.started ? (
        <TaskEditor
          userId={userId}
          task={task}
          open={editor.open}
          onOpenChange={editor.setOpen}
          failure={editor.failure}
          onFailure={editor.setFailure}
          returnFocusTo={editButton}
        />
      ) : null}
    </li>
  )
})
