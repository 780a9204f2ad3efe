import type { Metadata } from 'next'
import { Suspense } from 'react'
import { TaskDashboard } from '@/features/tasks/components/task-dashboard'
import { TaskListSkeleton } from '@/features/tasks/components/task-list'
import { requireUser } from '@/server/auth/current-user'

export const metadata: Metadata = { title: 'Your tasks' }

export default async function DashboardPage() {
  const user = await requireUser('/dashboard')
  return (
    <main className="mx-auto w-full max-w-3xl flex-1 px-4 py-6 sm:px-6 sm:py-10 dark:scheme-dark">
      <h1 className="mb-6 text-2xl font-semibold tracking-tight sm:text-3xl">Your tasks</h1>
      {/* The filters are read from the URL on the client. */}
      <Suspense fallback={<TaskListSkeleton />}>
        <TaskDashboard userId={user.id} />
      </Suspense>
    </main>
  )
}
