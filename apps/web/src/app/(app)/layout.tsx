import { cookies, headers } from 'next/headers'
import { redirect } from 'next/navigation'
import type { ReactNode } from 'react'
import { AppToaster } from '@/components/app-toaster'
import { QueryProvider } from '@/components/query-provider'
import { SiteHeader } from '@/components/site-header'
import { UserMenu } from '@/features/auth/components/user-menu'
import { REQUEST_PATH_HEADER } from '@/lib/request-path'
import { loginUrlFor } from '@/lib/safe-next'
import { hasSessionCookie } from '@/lib/session-cookie'
import { getCurrentUser } from '@/server/auth/current-user'

/**
 * Every signed-in page: the session is checked here, on the server, whatever the proxy let
 * through. A session cookie that no longer names a live session (expired, or ended by signing
 * out elsewhere) sends the visitor to sign in with a sentence saying why.
 */
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser()
  if (!user) {
    const path = (await headers()).get(REQUEST_PATH_HEADER) ?? '/dashboard'
    const stale = hasSessionCookie(await cookies())
    redirect(loginUrlFor(path, stale ? 'session-expired' : undefined))
  }
  return (
    <QueryProvider>
      <div className="flex min-h-dvh flex-col">
        <SiteHeader home="/dashboard">
          <UserMenu name={user.name} email={user.email} />
        </SiteHeader>
        {children}
      </div>
      <AppToaster />
    </QueryProvider>
  )
}
