'use client'

import type { SessionItem } from '@taskwise/contracts/account'
import { useQueryClient } from '@tanstack/react-query'
import { MonitorSmartphone } from 'lucide-react'
import { useRef, useState } from 'react'
import { toast } from 'sonner'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { ApiError } from '@/lib/problem-error'
import { useSessions } from '../api/list-sessions'
import { accountKeys } from '../api/query-keys'
import { revokeOtherSessions, revokeSession } from '../api/revoke-session'
import { ListError, ListSkeleton } from './list-states'
import { LocalTime } from './local-time'
import { PasswordConfirmDialog } from './password-confirm-dialog'
import { SettingsSection } from './settings-section'

/** What the password dialog is about to end: one other session, or all of them. */
type Ending = { kind: 'one'; session: SessionItem } | { kind: 'others'; count: number }

function devices(count: number): string {
  return count === 1 ? 'One other device' : `${count} other devices`
}

/** Every device signed in to the account; any but this one can be signed out. */
export function SessionsSection() {
  const sessions = useSessions()
  const queryClient = useQueryClient()
  const heading = useRef<HTMLHeadingElement>(null)
  // Kept after the dialog closes, so its words do not change while it fades out.
  const [ending, setEnding] = useState<Ending>()
  const [open, setOpen] = useState(false)
  const others = sessions.data?.filter((session) => !session.current) ?? []

  async function end(password: string) {
    if (!ending) return
    if (ending.kind === 'one') {
      try {
        await revokeSession(ending.session.id, { password })
      } catch (error) {
        // Already ended (it expired, or was signed out meanwhile): what was asked for is done.
        if (!(error instanceof ApiError && error.code === 'not_found')) throw error
      }
    } else {
      await revokeOtherSessions({ password })
    }
    await queryClient.invalidateQueries({ queryKey: accountKeys.all })
    toast.success(
      ending.kind === 'one'
        ? `Signed out of ${ending.session.device}`
        : 'Signed out of all other devices',
    )
  }

  return (
    <SettingsSection
      id="sessions"
      title="Where you’re signed in"
      description="Sign out of any device you don’t recognise, then change your password."
      headingRef={heading}
    >
      {sessions.isPending ? (
        <ListSkeleton label="Loading your devices…" rows={2} />
      ) : sessions.isError ? (
        <ListError
          what="Your devices could not be loaded."
          error={sessions.error}
          onRetry={() => void sessions.refetch()}
        />
      ) : (
        <div className="grid gap-4">
          <ul className="grid gap-2" aria-label="Signed-in devices">
            {sessions.data.map((session) => (
              <SessionRow
                key={session.id}
                session={session}
                onEnd={() => {
                  setEnding({ kind: 'one', session })
                  setOpen(true)
                }}
              />
            ))}
          </ul>
          {others.length > 0 ? (
            <Button
              variant="outline"
              className="justify-self-start"
              aria-haspopup="dialog"
              onClick={() => {
                setEnding({ kind: 'others', count: others.length })
                setOpen(true)
              }}
            >
              Sign out all other devices
            </Button>
          ) : (
            <p className="text-sm text-muted-foreground">You’re not signed in anywhere else.</p>
          )}
        </div>
      )}
      <PasswordConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={
          ending?.kind === 'one'
            ? `Sign out of ${ending.session.device}?`
            : 'Sign out all other devices?'
        }
        description={
          ending?.kind === 'one'
            ? 'That device will need to sign in again to reach your tasks.'
            : `${devices(ending?.count ?? 0)} will need to sign in again. This device stays signed in.`
        }
        confirmLabel={ending?.kind === 'one' ? 'End session' : 'Sign out other devices'}
        busyLabel="Signing out…"
        onConfirm={end}
        focusAfterSuccess={heading}
      />
    </SettingsSection>
  )
}

function SessionRow({ session, onEnd }: { session: SessionItem; onEnd: () => void }) {
  return (
    <li className="flex flex-wrap items-start justify-between gap-3 rounded-lg border p-4">
      <div className="flex min-w-0 flex-1 items-start gap-3">
        <MonitorSmartphone aria-hidden className="mt-0.5 size-5 shrink-0 text-muted-foreground" />
        <div className="grid min-w-0 gap-1">
          <p className="flex flex-wrap items-center gap-2 font-medium">
            <span className="break-words">{session.device}</span>
            {session.current ? <Badge variant="secondary">This device</Badge> : null}
          </p>
          <p className="text-sm break-all text-muted-foreground">
            IP address: {session.ip ?? 'unknown'}
          </p>
          <p className="text-sm text-muted-foreground">
            Signed in <LocalTime iso={session.createdAt} /> · Last active{' '}
            <LocalTime iso={session.lastActiveAt} relative />
          </p>
        </div>
      </div>
      {session.current ? null : (
        <Button
          variant="outline"
          size="sm"
          aria-haspopup="dialog"
          aria-label={`End the session on ${session.device}`}
          onClick={onEnd}
        >
          End
        </Button>
      )}
    </li>
  )
}
