import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { RegisterForm } from '@/features/auth/components/register-form'
import { safeNextPath } from '@/lib/safe-next'
import { getCurrentUser } from '@/server/auth/current-user'
import { firstParam, type SearchParams } from '../search-params'

export const metadata: Metadata = { title: 'Create an account' }

export default async function RegisterPage({ searchParams }: { searchParams: SearchParams }) {
  const next = firstParam((await searchParams).next)
  // Someone already signed in has an account: send them on rather than offer a second one.
  if (await getCurrentUser()) redirect(safeNextPath(next))
  const loginHref = next ? `/login?${new URLSearchParams({ next })}` : '/login'
  return (
    <div className="grid gap-6">
      <div className="grid gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Create your Taskwise account</h1>
        <p className="text-sm text-muted-foreground">
          An email address and a password are all it takes.
        </p>
      </div>
      <RegisterForm next={next} />
      <p className="text-sm text-muted-foreground">
        Already have an account?{' '}
        <Link href={loginHref} className="font-medium text-foreground underline underline-offset-4">
          Sign in
        </Link>
      </p>
    </div>
  )
}
