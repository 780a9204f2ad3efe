import type { ReactNode } from 'react'
import { SiteHeader } from '@/components/site-header'

/** Sign-in and sign-up: the site's header, then one narrow column in the middle of the page. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader />
      <main className="flex flex-1 items-start justify-center px-4 py-10 sm:items-center sm:py-16">
        <div className="w-full max-w-sm">{children}</div>
      </main>
    </div>
  )
}
