'use client'

import { browserSupportsWebAuthn, browserSupportsWebAuthnAutofill } from '@simplewebauthn/browser'
import { KeyRound } from 'lucide-react'
import { useEffect, useRef, useState } from 'react'
import { Button } from '@/components/ui/button'
import { FormAlert } from '@/components/ui/form-alert'
import { ApiError } from '@/lib/problem-error'
import { passkeySignInOptions, signInWithPasskey } from '../api/passkey-ceremonies'
import { tooManyAttemptsSentence } from '../form-errors'

/**
 * Signing in with a passkey, without a password: offered in the email field's suggestions where
 * the browser can (conditional mediation, started once on mount), and by a button everywhere
 * WebAuthn exists. `onSignedIn` runs once the session and JWT cookies are set.
 */
export function PasskeySignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const [supported, setSupported] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  // The latest callback, so that the autofill request starts once, not on every render.
  const signedIn = useRef(onSignedIn)
  signedIn.current = onSignedIn
  // The autofill's request for options, while it is under way: the button waits for it, so that
  // the autofill's challenge cookie can never replace the button's (and fail its sign-in).
  const autofillOptions = useRef<Promise<unknown>>(undefined)

  useEffect(() => {
    setSupported(browserSupportsWebAuthn())
    let active = true
    const options = browserSupportsWebAuthnAutofill().then((autofill) =>
      autofill && active ? passkeySignInOptions() : null,
    )
    autofillOptions.current = options.catch(() => null)
    void options
      .then(async (optionsJSON) => {
        if (!optionsJSON || !active) return
        await signInWithPasskey({ autoFill: true, options: Promise.resolve(optionsJSON) })
        if (active) signedIn.current()
      })
      // Replaced by the button's request, or never picked: the form goes on as it is.
      .catch(() => {})
    return () => {
      active = false
    }
  }, [])

  if (!supported) return null

  async function onClick() {
    setError(undefined)
    setBusy(true)
    try {
      await autofillOptions.current
      await signInWithPasskey()
    } catch (caught) {
      setBusy(false)
      setError(
        caught instanceof ApiError
          ? (tooManyAttemptsSentence(caught) ??
              'That passkey could not sign you in. Use another, or your password.')
          : 'No passkey was used. Try again, or sign in with your password.',
      )
      return
    }
    onSignedIn()
  }

  return (
    <div className="grid gap-3">
      <FormAlert message={error} />
      <Button type="button" variant="outline" size="lg" disabled={busy} onClick={onClick}>
        <KeyRound aria-hidden />
        {busy ? 'Waiting for your passkey…' : 'Sign in with a passkey'}
      </Button>
    </div>
  )
}
