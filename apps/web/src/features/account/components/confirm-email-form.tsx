'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { Button } from '@/components/ui/button'
import { FormAlert } from '@/components/ui/form-alert'
import { tooManyAttemptsSentence } from '@/features/auth/form-errors'
import { ApiError, errorMessage } from '@/lib/problem-error'
import { confirmEmail } from '../api/confirm-email'
import { focusOnMount, InvalidLinkNotice } from './invalid-link-notice'
import { StatusNotice } from './status-notice'

type Outcome =
  | { kind: 'idle' }
  | { kind: 'confirmed'; email: string }
  | { kind: 'invalid' }
  | { kind: 'taken' }
  | { kind: 'failed'; message: string }

function outcomeOf(error: unknown): Outcome {
  if (error instanceof ApiError && error.code === 'email_token_invalid') return { kind: 'invalid' }
  if (error instanceof ApiError && error.code === 'email_taken') return { kind: 'taken' }
  return { kind: 'failed', message: tooManyAttemptsSentence(error) ?? errorMessage(error) }
}

/**
 * Confirms a change of email address with the token from the mailed link. Nothing is sent until
 * the person presses the button: mail scanners open links, and must not confirm on their own.
 */
export function ConfirmEmailForm({ token }: { token: string }) {
  const router = useRouter()
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' })
  const [busy, setBusy] = useState(false)

  async function confirm() {
    setBusy(true)
    try {
      const { user } = await confirmEmail({ token })
      setOutcome({ kind: 'confirmed', email: user.email })
      // Any signed-in page rendered before now shows the old address.
      router.refresh()
    } catch (error) {
      setOutcome(outcomeOf(error))
    } finally {
      setBusy(false)
    }
  }

  if (outcome.kind === 'invalid') {
    return (
      <InvalidLinkNotice
        takeFocus
        title="This link is not valid any more"
        reason="It may have been used already, have expired, or been replaced by a newer request. Your email address has not changed."
        href="/settings#profile"
        action="Ask for a new link from your settings"
      />
    )
  }
  if (outcome.kind === 'taken') {
    return (
      <InvalidLinkNotice
        takeFocus
        title="That address belongs to another account now"
        reason="Another Taskwise account took this address after you asked for the change, so it cannot be used. Your email address has not changed."
        href="/settings#profile"
        action="Choose another address in your settings"
      />
    )
  }

  return (
    <div className="grid gap-5">
      <StatusNotice>
        {outcome.kind === 'confirmed' ? (
          <>
            <p className="font-medium">Your email address is changed</p>
            <p>
              From now on you sign in with <strong className="break-all">{outcome.email}</strong>.
            </p>
          </>
        ) : null}
      </StatusNotice>
      <FormAlert message={outcome.kind === 'failed' ? outcome.message : undefined} />
      {outcome.kind === 'confirmed' ? (
        <Button asChild size="lg">
          {/* It takes the place of the button that had focus. */}
          <Link href="/settings" ref={focusOnMount}>
            Go to your settings
          </Link>
        </Button>
      ) : (
        <Button type="button" size="lg" disabled={busy} onClick={() => void confirm()}>
          {busy ? 'Confirming…' : 'Confirm new email address'}
        </Button>
      )}
    </div>
  )
}
