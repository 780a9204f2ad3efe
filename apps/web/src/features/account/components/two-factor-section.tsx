'use client'

import type { TwoFactorEnrolment } from '@taskwise/contracts/two-factor'
import { useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { toast } from 'sonner'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { accountKeys } from '../api/query-keys'
import { enableTwoFactor, regenerateBackupCodes, useTwoFactorStatus } from '../api/two-factor'
import { BackupCodesList } from './backup-codes-list'
import { DisableTwoFactorDialog } from './disable-two-factor-dialog'
import { ListError, ListSkeleton } from './list-states'
import { PasswordConfirmDialog } from './password-confirm-dialog'
import { SettingsSection } from './settings-section'
import { TwoFactorSetup } from './two-factor-setup'

type Phase =
  | { kind: 'idle' }
  | { kind: 'setup'; enrolment: TwoFactorEnrolment }
  | { kind: 'codes'; codes: string[] }

/** Two-factor sign-in with an authenticator app: set up, backup codes, turn off. */
export function TwoFactorSection() {
  const status = useTwoFactorStatus()
  const queryClient = useQueryClient()
  const heading = useRef<HTMLHeadingElement>(null)
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' })
  const [dialog, setDialog] = useState<'enable' | 'codes' | 'disable' | null>(null)
  const refresh = () => queryClient.invalidateQueries({ queryKey: accountKeys.all })
  const left = status.data?.backupCodesLeft ?? 0

  return (
    <SettingsSection
      id="two-factor"
      title="Two-factor sign-in"
      description="After your password, ask for a code from an authenticator app on your phone."
      headingRef={heading}
    >
      {status.isPending ? (
        <ListSkeleton label="Loading two-factor sign-in…" rows={1} />
      ) : status.isError ? (
        <ListError
          what="Two-factor sign-in could not be loaded."
          error={status.error}
          onRetry={() => void status.refetch()}
        />
      ) : phase.kind === 'setup' ? (
        <TwoFactorSetup
          enrolment={phase.enrolment}
          onConfirmed={(codes) => {
            // The backup codes panel (its heading focused) says it is on; no toast over it.
            setPhase({ kind: 'codes', codes })
            void refresh()
          }}
          onCancel={() => setPhase({ kind: 'idle' })}
        />
      ) : phase.kind === 'codes' ? (
        <BackupCodesList
          codes={phase.codes}
          onDone={() => {
            setPhase({ kind: 'idle' })
            heading.current?.focus()
          }}
        />
      ) : status.data.enabled ? (
        <div className="grid gap-4">
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <Badge>On</Badge>
            <span>{left === 1 ? 'One backup code left.' : `${left} backup codes left.`}</span>
          </p>
          <div className="flex flex-wrap gap-2">
            <Button variant="outline" aria-haspopup="dialog" onClick={() => setDialog('codes')}>
              New backup codes
            </Button>
            <Button variant="outline" aria-haspopup="dialog" onClick={() => setDialog('disable')}>
              Turn off
            </Button>
          </div>
        </div>
      ) : (
        <div className="grid gap-4">
          <p className="text-sm text-muted-foreground">Off. Your password alone signs in.</p>
          <Button
            className="justify-self-start"
            aria-haspopup="dialog"
            onClick={() => setDialog('enable')}
          >
            Set up an authenticator app
          </Button>
        </div>
      )}
      <PasswordConfirmDialog
        open={dialog === 'enable' || dialog === 'codes'}
        onOpenChange={(open) => setDialog(open ? dialog : null)}
        title={dialog === 'codes' ? 'Make new backup codes?' : 'Set up an authenticator app'}
        description={
          dialog === 'codes'
            ? 'Your current backup codes stop working.'
            : 'Enter your password to see the code to scan.'
        }
        confirmLabel={dialog === 'codes' ? 'Make new codes' : 'Continue'}
        busyLabel="Checking…"
        confirmVariant="default"
        onConfirm={async (password) => {
          if (dialog === 'codes') {
            setPhase({ kind: 'codes', codes: await regenerateBackupCodes({ password }) })
            void refresh()
          } else {
            setPhase({ kind: 'setup', enrolment: await enableTwoFactor({ password }) })
          }
        }}
        focusAfterSuccess={heading}
      />
      <DisableTwoFactorDialog
        open={dialog === 'disable'}
        onOpenChange={(open) => setDialog(open ? 'disable' : null)}
        onDisabled={async () => {
          toast.success('Two-factor sign-in is off')
          await refresh()
        }}
      />
    </SettingsSection>
  )
}
