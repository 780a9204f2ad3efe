import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query'
import type { Metadata } from 'next'
import { Suspense } from 'react'
import { TaskDashboard } from '@/features/tasks/components/task-dashboard'
import { TaskListSkeleton } from '@/features/tasks/components/task-list'
import { filtersFromSearchParams } from '@/features/tasks/task-filters'
import { requireUser } from '@/server/auth/current-user'
import { prefetchTaskList } from '@/server/tasks/prefetch-tasks'
import { firstParam, type SearchParams } from '../../(auth)/search-params'

export const metadata: Metadata = { title: 'Your tasks' }

export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser('/dashboard')
  // The view in the URL, read as the browser reads it, so the prefetched page is the one it asks for.
  const params = await searchParams
  const filters = filtersFromSearchParams({ get: (name) => firstParam(params[name]) ?? null })
  const queryClient = new QueryClient()
  await prefetchTaskList(queryClient, user.id, filters)
  return (
    <main className="mx-auto w-full max-w-3xl flex-1 px-4 py-6 sm:px-6 sm:py-10 dark:scheme-dark">
      <h1 className="mb-6 text-2xl font-semibold tracking-tight sm:text-3xl">Your tasks</h1>
      {/* The first page of tasks comes with the HTML; the browser goes on from it. */}
      <HydrationBoundary state={dehydrate(queryClient)}>
        <Suspense fallback={<TaskListSkeleton />}>
          <TaskDashboard userId={user.id} />
        </Suspense>
      </HydrationBoundary>
    </main>
  )
}
