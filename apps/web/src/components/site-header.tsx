import { CheckCircle2 } from 'lucide-react'
import Link from 'next/link'
import type { ReactNode } from 'react'
import { ThemeToggle } from '@/features/theme/theme-toggle'

/** The top bar of every page: the name (home link), then whatever the page puts on the right. */
export function SiteHeader({ children, home = '/' }: { children?: ReactNode; home?: string }) {
  return (
    <header className="border-b">
      <div className="mx-auto flex w-full max-w-5xl items-center justify-between gap-2 px-4 py-3 sm:px-6">
        <Link
          href={home}
          className="flex items-center gap-2 rounded-md text-lg font-semibold tracking-tight outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          <CheckCircle2 aria-hidden className="size-6 text-brand" />
          Taskwise
        </Link>
        <div className="flex items-center gap-1 sm:gap-2">
          {children}
          <ThemeToggle />
        </div>
      </div>
    </header>
  )
}
