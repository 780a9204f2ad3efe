import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { LoginForm } from '@/features/auth/components/login-form'
import { safeNextPath } from '@/lib/safe-next'
import { getCurrentUser } from '@/server/auth/current-user'
import { firstParam, type SearchParams } from '../search-params'

export const metadata: Metadata = { title: 'Sign in' }

const REASONS: Record<string, string> = {
  'signed-out': 'You have signed out.',
  'session-expired': 'Your session has ended. Sign in again to continue.',
}

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams
  const next = firstParam(params.next)
  const reason = REASONS[firstParam(params.reason) ?? '']
  // The session itself decides, not the cookie's presence: a stale cookie still gets the form.
  if (await getCurrentUser()) redirect(safeNextPath(next))
  const registerHref = next ? `/register?${new URLSearchParams({ next })}` : '/register'
  return (
    <div className="grid gap-6">
      <div className="grid gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Sign in to Taskwise</h1>
        <p className="text-sm text-muted-foreground">Welcome back. Your tasks are waiting.</p>
      </div>
      {reason ? (
        <p role="status" className="rounded-md border bg-muted px-3 py-2 text-sm text-foreground">
          {reason}
        </p>
      ) : null}
      <LoginForm next={next} />
      <p className="text-sm text-muted-foreground">
        New to Taskwise?{' '}
        <Link
          href={registerHref}
          className="font-medium text-foreground underline underline-offset-4"
        >
          Create an account
        </Link>
      </p>
    </div>
  )
}
