'use client'

import { Button } from '@/components/ui/button'

export default function SettingsError({
  reset,
}: {
  error: Error & { digest?: string }
  reset: () => void
}) {
  return (
    <main className="mx-auto flex w-full max-w-3xl flex-col items-start gap-4 px-4 py-10 sm:px-6">
      <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Settings</h1>
      <div role="alert" className="grid gap-2">
        <p className="font-medium">Your settings could not be shown.</p>
        <p className="text-muted-foreground">
          Try again; if it keeps happening, come back in a few minutes. Nothing was changed.
        </p>
      </div>
      <Button onClick={reset}>Try again</Button>
    </main>
  )
}
