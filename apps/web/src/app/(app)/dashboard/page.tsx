import type { Metadata } from 'next'

export const metadata: Metadata = { title: 'Your tasks' }

// A stand-in: the task dashboard is built on its own branch and replaces this page at merge.
export default function DashboardPage() {
  return (
    <main className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:px-6">
      <h1 className="text-2xl font-semibold tracking-tight">Your tasks</h1>
    </main>
  )
}
