'use client'

import { useMemo } from 'react'
import { useDeleteTask } from '../api/delete-task'
import { useTasks } from '../api/list-tasks'
import { defaultFilters, hasActiveFilters } from '../task-filters'
import { useTaskFilters } from '../use-task-filters'
import { QuickAdd } from './quick-add'
import { RemainingCount } from './remaining-count'
import { TaskList } from './task-list'
import { TaskToolbar } from './task-toolbar'

/** The signed-in person's tasks: add, count, search/filter/sort, and the list. */
export function TaskDashboard({ userId }: { userId: string }) {
  const { filters, setFilters } = useTaskFilters()
  const tasks = useTasks(userId, filters)
  const deleteTask = useDeleteTask(userId)

  const categories = useMemo(() => {
    const seen = new Set<string>()
    for (const page of tasks.data?.pages ?? []) {
      for (const task of page.items) if (task.category) seen.add(task.category)
    }
    return [...seen].sort((a, b) => a.localeCompare(b))
  }, [tasks.data])

  return (
    <div className="grid gap-6">
      <QuickAdd userId={userId} />
      <RemainingCount userId={userId} />
      <TaskToolbar filters={filters} onChange={setFilters} categories={categories} />
      <TaskList
        userId={userId}
        query={tasks}
        filtered={hasActiveFilters(filters)}
        onClearFilters={() => setFilters({ ...defaultFilters, sort: filters.sort })}
        onDelete={deleteTask}
      />
    </div>
  )
}
