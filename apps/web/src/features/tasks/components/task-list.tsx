'use client'

import type { Task } from '@taskwise/contracts/task'
import { ClipboardList, SearchX } from 'lucide-react'
import { useCallback } from 'react'
import { Button } from '@/components/ui/button'
import { Skeleton } from '@/components/ui/skeleton'
import { errorMessage } from '@/lib/problem-error'
import { cn } from '@/lib/utils'
import { useCompleteTask } from '../api/complete-task'
import { useHiddenTaskIds } from '../api/delete-task'
import type { useTasks } from '../api/list-tasks'
import { isOverdue } from '../task-dates'
import { useLocalToday } from '../use-local-today'
import { TaskItem } from './task-item'

export interface TaskListProps {
  userId: string
  query: ReturnType<typeof useTasks>
  filtered: boolean
  onClearFilters: () => void
  onDelete: (task: Task) => void
}

export function TaskListSkeleton() {
  return (
    <div aria-busy="true" className="grid gap-2">
      <span className="sr-only" role="status">
        Loading your tasks…
      </span>
      {[0, 1, 2].map((row) => (
        <div key={row} className="flex items-start gap-3 rounded-lg border p-4">
          <Skeleton className="size-5" />
          <div className="grid flex-1 gap-2">
            <Skeleton className="h-4 w-2/3" />
            <Skeleton className="h-3 w-1/3" />
          </div>
        </div>
      ))}
    </div>
  )
}

/** The tasks of the current view, with its loading, error and empty states and "Load more". */
export function TaskList({ userId, query, filtered, onClearFilters, onDelete }: TaskListProps) {
  const hidden = useHiddenTaskIds()
  // One mutation and one "today" for the whole list, not one per row: hydrating a row stays cheap,
  // and learning today's date after hydration re-renders only the rows that turn out overdue.
  const { mutate: complete } = useCompleteTask(userId)
  const onComplete = useCallback(
    (task: Task, completed: boolean) => complete({ taskId: task.id, completed }),
    [complete],
  )
  const today = useLocalToday()

  if (query.isPending) return <TaskListSkeleton />

  if (query.isError) {
    return (
      <div
        role="alert"
        className="grid justify-items-start gap-3 rounded-lg border border-destructive/40 bg-destructive/10 p-4"
      >
        <p className="font-medium">Your tasks could not be loaded.</p>
        <p className="text-sm">{errorMessage(query.error)}</p>
        <Button variant="outline" onClick={() => void query.refetch()}>
          Try again
        </Button>
      </div>
    )
  }

  const tasks = query.data.pages
    .flatMap((page) => page.items)
    .filter((task) => !hidden.has(task.id))

  if (tasks.length === 0 && !query.hasNextPage) {
    return filtered ? (
      <div className="grid justify-items-center gap-3 rounded-lg border border-dashed p-8 text-center">
        <SearchX aria-hidden className="size-8 text-muted-foreground" />
        <p className="font-medium">No tasks match this view</p>
        <p className="text-sm text-muted-foreground">Try another search, or show every task.</p>
        <Button variant="outline" onClick={onClearFilters}>
          Clear filters
        </Button>
      </div>
    ) : (
      <div className="grid justify-items-center gap-2 rounded-lg border border-dashed p-8 text-center">
        <ClipboardList aria-hidden className="size-8 text-muted-foreground" />
        <p className="font-medium">No tasks yet</p>
        <p className="text-sm text-muted-foreground">
          Type a title above and press Enter to add your first task.
        </p>
      </div>
    )
  }

  return (
    <div className="grid gap-3">
      <ul
        aria-label="Tasks"
        aria-busy={query.isPlaceholderData || undefined}
        className={cn('grid gap-2 transition-opacity', query.isPlaceholderData && 'opacity-60')}
      >
        {tasks.map((task) => (
          <TaskItem
            key={task.id}
            userId={userId}
            task={task}
            overdue={today !== null && isOverdue(task.dueDate, task.completed, today)}
            onComplete={onComplete}
            onDelete={onDelete}
          />
        ))}
      </ul>
      {query.hasNextPage ? (
        <Button
          variant="outline"
          className="justify-self-center"
          disabled={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {query.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </Button>
      ) : null}
    </div>
  )
}
