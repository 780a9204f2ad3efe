'use client'

import { TASK_LIST_LIMIT_MAX } from '@taskwise/contracts/task'
import { useRemainingTasks } from '../api/list-tasks'
import { useHiddenTaskIds } from '../api/delete-task'

function sentence(count: number, more: boolean): string {
  if (more) return `${TASK_LIST_LIMIT_MAX}+ tasks left`
  if (count === 0) return 'Nothing left to do'
  return count === 1 ? '1 task left' : `${count} tasks left`
}

/** "N tasks left": pending tasks, whatever the list's filters show. */
export function RemainingCount({ userId }: { userId: string }) {
  const remaining = useRemainingTasks(userId)
  const hidden = useHiddenTaskIds()
  if (!remaining.data) return <p className="h-5 text-sm text-muted-foreground" aria-hidden />
  const count = remaining.data.items.filter((task) => !hidden.has(task.id)).length
  return (
    <p role="status" className="text-sm font-medium text-muted-foreground" data-testid="tasks-left">
      {sentence(count, remaining.data.more)}
    </p>
  )
}
