'use client'

import { useEffect, useRef } from 'react'
import { Button } from '@/components/ui/button'

/** The backup codes, shown this once, with a way to copy them; focus moves here when they show. */
export function BackupCodesList({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  return (
    <div className="grid gap-3 rounded-md border p-4">
      <h3 ref={heading} tabIndex={-1} className="font-medium outline-none">
        Your backup codes
      </h3>
      <p className="text-sm text-muted-foreground">
        Keep these somewhere safe, such as a password manager. Each signs in once if you don’t have
        your phone. They are shown only now.
      </p>
      <ul
        aria-label="Backup codes"
        className="grid grid-cols-2 gap-2 font-mono text-sm sm:grid-cols-5"
      >
        {codes.map((code) => (
          <li key={code} className="rounded bg-muted px-2 py-1 text-center">
            {code}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="outline"
          onClick={() => void navigator.clipboard?.writeText(codes.join('\n'))}
        >
          Copy the codes
        </Button>
        <Button type="button" onClick={onDone}>
          I’ve saved them
        </Button>
      </div>
    </div>
  )
}
