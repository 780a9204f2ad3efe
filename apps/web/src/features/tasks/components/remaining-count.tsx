'use client'

import type { Task } from '@taskwise/contracts/task'
import { useQueryClient } from '@tanstack/react-query'
import { useHiddenTaskIds } from '../api/delete-task'
import { useTaskSummary } from '../api/get-task-summary'
import { withoutTasks } from '../api/summary-cache'
import { findTask } from '../api/task-cache'
import { localToday } from '../task-dates'

function sentence(count: number): string {
  if (count === 0) return 'Nothing left to do'
  return count === 1 ? '1 task left' : `${count.toLocaleString('en')} tasks left`
}

/**
 * "N tasks left": pending tasks, whatever the list's filters show, exact at any count
 * (docs/decisions/0452), with how many of them are overdue or due today. A task deleted but still
 * undoable is already left out, as it is from the lists.
 */
export function RemainingCount({ userId }: { userId: string }) {
  const summary = useTaskSummary(userId)
  const hidden = useHiddenTaskIds()
  const client = useQueryClient()
  if (!summary.data) return <p className="h-5 text-sm text-muted-foreground" aria-hidden />
  const hiddenTasks = [...hidden]
    .map((id) => findTask(client, userId, id))
    .filter((task): task is Task => task !== undefined)
  const counts = withoutTasks(summary.data, hiddenTasks, localToday())
  const extras = [
    counts.overdue > 0 ? `${counts.overdue.toLocaleString('en')} overdue` : null,
    counts.dueToday > 0 ? `${counts.dueToday.toLocaleString('en')} due today` : null,
  ].filter((part) => part !== null)
  return (
    <p role="status" className="text-sm font-medium text-muted-foreground" data-testid="tasks-left">
      <span>{sentence(counts.pending)}</span>
      {extras.map((part) => (
        <span key={part} className="font-normal">
          {' · '}
          {part}
        </span>
      ))}
    </p>
  )
}
