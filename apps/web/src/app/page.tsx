import { CalendarClock, CheckCircle2, Filter, ShieldCheck } from 'lucide-react'
import Link from 'next/link'
import { SiteHeader } from '@/components/site-header'
import { Button } from '@/components/ui/button'
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'

const features = [
  {
    icon: CheckCircle2,
    title: 'Capture in a second',
    text: 'Type a title and press Enter. Add a description, priority, category or due date when you need them.',
  },
  {
    icon: Filter,
    title: 'Find what matters',
    text: 'Filter by status, priority and category, search, and sort. Every view has its own link.',
  },
  {
    icon: CalendarClock,
    title: 'Never miss a date',
    text: 'Due dates stand out, overdue tasks stand out more, and “N tasks left” keeps count.',
  },
  {
    icon: ShieldCheck,
    title: 'Yours alone',
    text: 'Each account sees only its own tasks. Passwords are hashed with argon2id; sessions are signed tokens.',
  },
]

export default function HomePage() {
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader>
        <nav aria-label="Account" className="flex items-center gap-1 sm:gap-2">
          <Button asChild variant="ghost" size="sm">
            <Link href="/login">Sign in</Link>
          </Button>
          <Button asChild size="sm">
            <Link href="/register">Sign up</Link>
          </Button>
        </nav>
      </SiteHeader>

      <main className="mx-auto flex w-full max-w-5xl flex-1 flex-col px-4 sm:px-6">
        <section className="flex flex-col items-start gap-6 py-16 sm:py-24">
          <p className="rounded-full border px-3 py-1 text-sm text-muted-foreground">
            A task manager for one person at a time
          </p>
          <h1 className="max-w-3xl text-4xl font-semibold tracking-tight text-balance sm:text-6xl">
            Everything you have to do, in one calm list.
          </h1>
          <p className="max-w-2xl text-lg text-muted-foreground text-pretty">
            Taskwise keeps your tasks private to your account: add them quickly, set priorities and
            due dates, tick them off, and see at a glance what is left. It works on your phone and
            your desktop, in light or dark.
          </p>
          <div className="flex flex-wrap gap-3">
            <Button asChild size="lg">
              <Link href="/register">Get started — it’s free</Link>
            </Button>
            <Button asChild size="lg" variant="outline">
              <Link href="/login">I already have an account</Link>
            </Button>
          </div>
        </section>

        <section aria-labelledby="features" className="pb-24">
          <h2 id="features" className="sr-only">
            What Taskwise does
          </h2>
          <ul className="grid gap-4 sm:grid-cols-2">
            {features.map(({ icon: Icon, title, text }) => (
              <li key={title}>
                <Card className="h-full">
                  <CardHeader>
                    <Icon aria-hidden className="size-5 text-brand" />
                    <CardTitle>{title}</CardTitle>
                    <CardDescription>{text}</CardDescription>
                  </CardHeader>
                </Card>
              </li>
            ))}
          </ul>
        </section>
      </main>

      <footer className="border-t">
        <div className="mx-auto w-full max-w-5xl px-4 py-6 text-sm text-muted-foreground sm:px-6">
          Taskwise — tasks, kept simply.
        </div>
      </footer>
    </div>
  )
}
