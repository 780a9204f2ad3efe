'use client'

import type { PasskeyItem } from '@taskwise/contracts/passkeys'
import { browserSupportsWebAuthn } from '@simplewebauthn/browser'
import { useQueryClient } from '@tanstack/react-query'
import { KeyRound } from 'lucide-react'
import { useEffect, useRef, useState } from 'react'
import { toast } from 'sonner'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { ApiError } from '@/lib/problem-error'
import { addPasskey } from '@/features/auth/api/passkey-ceremonies'
import { removePasskey, usePasskeys } from '../api/passkeys'
import { accountKeys } from '../api/query-keys'
import { AddPasskeyDialog } from './add-passkey-dialog'
import { ListError, ListSkeleton } from './list-states'
import { LocalTime } from './local-time'
import { PasswordConfirmDialog } from './password-confirm-dialog'
import { RenamePasskeyDialog } from './rename-passkey-dialog'
import { SettingsSection } from './settings-section'

const label = (passkey: PasskeyItem) => passkey.name ?? passkey.provider ?? 'Passkey'

/** Passkeys: sign in with the device's lock instead of a password; add, name, remove. */
export function PasskeysSection() {
  const passkeys = usePasskeys()
  const queryClient = useQueryClient()
  const heading = useRef<HTMLHeadingElement>(null)
  const [supported, setSupported] = useState(true)
  const [adding, setAdding] = useState(false)
  const [renaming, setRenaming] = useState<PasskeyItem>()
  const [removing, setRemoving] = useState<PasskeyItem>()
  const refresh = () => queryClient.invalidateQueries({ queryKey: accountKeys.all })

  useEffect(() => setSupported(browserSupportsWebAuthn()), [])

  return (
    <SettingsSection
      id="passkeys"
      title="Passkeys"
      description="Sign in with your fingerprint, face or screen lock instead of your password."
      headingRef={heading}
    >
      {passkeys.isPending ? (
        <ListSkeleton label="Loading your passkeys…" rows={1} />
      ) : passkeys.isError ? (
        <ListError
          what="Your passkeys could not be loaded."
          error={passkeys.error}
          onRetry={() => void passkeys.refetch()}
        />
      ) : (
        <div className="grid gap-4">
          {passkeys.data.length > 0 ? (
            <ul className="grid gap-2" aria-label="Your passkeys">
              {passkeys.data.map((passkey) => (
                <li
                  key={passkey.id}
                  className="flex flex-wrap items-center gap-3 rounded-md border p-3"
                >
                  <KeyRound aria-hidden className="size-5 shrink-0 text-muted-foreground" />
                  <div className="grid min-w-0 flex-1 gap-0.5">
                    <span className="truncate font-medium">{label(passkey)}</span>
                    <span className="text-sm text-muted-foreground">
                      {passkey.createdAt ? (
                        <>
                          Added <LocalTime iso={passkey.createdAt} />
                        </>
                      ) : (
                        'Added'
                      )}
                      {passkey.backedUp ? (
                        <Badge variant="secondary" className="ml-2">
                          Synced
                        </Badge>
                      ) : null}
                    </span>
                  </div>
                  <div className="flex gap-2">
                    <Button
                      variant="outline"
                      size="sm"
                      aria-haspopup="dialog"
                      aria-label={`Rename ${label(passkey)}`}
                      onClick={() => setRenaming(passkey)}
                    >
                      Rename
                    </Button>
                    <Button
                      variant="outline"
                      size="sm"
                      aria-haspopup="dialog"
                      aria-label={`Remove ${label(passkey)}`}
                      onClick={() => setRemoving(passkey)}
                    >
                      Remove
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted-foreground">You have no passkeys yet.</p>
          )}
          {supported ? (
            <Button
              className="justify-self-start"
              aria-haspopup="dialog"
              onClick={() => setAdding(true)}
            >
              Add a passkey
            </Button>
          ) : (
            <p className="text-sm text-muted-foreground">This browser cannot make passkeys.</p>
          )}
        </div>
      )}
      <AddPasskeyDialog
        open={adding}
        onOpenChange={setAdding}
        onAdd={async (password, name) => {
          await addPasskey({ password }, name)
          toast.success('Passkey added')
          await refresh()
        }}
      />
      <RenamePasskeyDialog passkey={renaming} onClose={() => setRenaming(undefined)} />
      <PasswordConfirmDialog
        open={removing !== undefined}
        onOpenChange={(open) => {
          if (!open) setRemoving(undefined)
        }}
        title={`Remove ${removing ? label(removing) : 'this passkey'}?`}
        description="It will no longer sign in to your account. Remove it from the device too."
        confirmLabel="Remove passkey"
        busyLabel="Removing…"
        onConfirm={async (password) => {
          if (!removing) return
          try {
            await removePasskey(removing.id, { password })
          } catch (error) {
            if (!(error instanceof ApiError && error.code === 'not_found')) throw error
          }
          toast.success('Passkey removed')
          await refresh()
        }}
        focusAfterSuccess={heading}
      />
    </SettingsSection>
  )
}
