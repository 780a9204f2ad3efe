import { TaskListSkeleton } from '@/features/tasks/components/task-list'

export default function DashboardLoading() {
  return (
    <main className="mx-auto w-full max-w-3xl px-4 py-6 sm:px-6 sm:py-10 dark:scheme-dark">
      <h1 className="mb-6 text-2xl font-semibold tracking-tight sm:text-3xl">Your tasks</h1>
      <TaskListSkeleton />
    </main>
  )
}
