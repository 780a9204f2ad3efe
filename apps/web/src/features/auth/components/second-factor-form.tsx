'use client'

import { backupCodeSchema, totpCodeSchema } from '@taskwise/contracts/two-factor'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { Button } from '@/components/ui/button'
import { Checkbox } from '@/components/ui/checkbox'
import { errorAria, Field, FieldError } from '@/components/ui/field'
import { FormAlert } from '@/components/ui/form-alert'
import { Input } from '@/components/ui/input'
import { Label } from '@/components/ui/label'
import { ApiError } from '@/lib/problem-error'
import { loginTwoFactor } from '../api/login-two-factor'
import { tooManyAttemptsSentence } from '../form-errors'

type Method = 'totp' | 'backup_code'

/**
 * The second step of signing in, after a right password for an account with two-factor sign-in
 * on: a code from the authenticator app, or one backup code; optionally, trust this browser for
 * 30 days. `onSignedIn` runs once the session exists; `onRestart` goes back to the password.
 */
export function SecondFactorForm({
  onSignedIn,
  onRestart,
}: {
  onSignedIn: () => void
  onRestart: () => void
}) {
  const [method, setMethod] = useState<Method>('totp')
  const [value, setValue] = useState('')
  const [trustDevice, setTrustDevice] = useState(false)
  const [fieldError, setFieldError] = useState<string>()
  const [formError, setFormError] = useState<string>()
  const [expired, setExpired] = useState(false)
  const [busy, setBusy] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  const fieldId = method === 'totp' ? 'second-factor-code' : 'second-factor-backup-code'
  const errorId = `${fieldId}-error`

  useEffect(() => input.current?.focus(), [method])

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    setFormError(undefined)
    const parsed = (method === 'totp' ? totpCodeSchema : backupCodeSchema).safeParse(value)
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0]?.message)
      input.current?.focus()
      return
    }
    setFieldError(undefined)
    setBusy(true)
    try {
      await loginTwoFactor(
        method === 'totp'
          ? { code: parsed.data, trustDevice }
          : { backupCode: parsed.data, trustDevice },
      )
    } catch (error) {
      setBusy(false)
      if (error instanceof ApiError && error.code === 'invalid_code') {
        setFieldError(
          method === 'totp'
            ? 'That code is not right, or was used already. Wait for the next one.'
            : 'That backup code is not right, or was used already.',
        )
        setValue('')
        input.current?.focus()
      } else if (error instanceof ApiError && error.code === 'two_factor_challenge_invalid') {
        setExpired(true)
        setFormError('This sign-in took too long. Sign in with your password again.')
      } else {
        setFormError(tooManyAttemptsSentence(error) ?? 'Something went wrong. Try again.')
      }
      return
    }
    onSignedIn()
  }

  return (
    <form noValidate onSubmit={onSubmit} className="grid gap-5" aria-label="Second step">
      <p className="text-sm text-muted-foreground">
        {method === 'totp'
          ? 'Your account has two-factor sign-in on. Enter the 6-digit code from your authenticator app.'
          : 'Enter one of the backup codes you saved when you turned on two-factor sign-in. Each works once.'}
      </p>
      <FormAlert message={formError} />
      {expired ? (
        <Button type="button" size="lg" onClick={onRestart}>
          Sign in again
        </Button>
      ) : (
        <>
          <Field>
            <Label htmlFor={fieldId}>
              {method === 'totp' ? 'Authentication code' : 'Backup code'}
            </Label>
            <Input
              key={fieldId}
              ref={input}
              id={fieldId}
              value={value}
              onChange={(event) => setValue(event.target.value)}
              autoComplete="one-time-code"
              inputMode={method === 'totp' ? 'numeric' : 'text'}
              autoCapitalize="none"
              spellCheck={false}
              {...errorAria(errorId, Boolean(fieldError))}
            />
            <FieldError id={errorId} message={fieldError} />
          </Field>
          <div className="flex items-center gap-3">
            <Checkbox
              id="second-factor-trust"
              checked={trustDevice}
              onCheckedChange={(checked) => setTrustDevice(checked === true)}
            />
            <Label htmlFor="second-factor-trust" className="font-normal leading-snug">
              Don’t ask again on this device for 30 days
            </Label>
          </div>
          <Button type="submit" size="lg" disabled={busy}>
            {busy ? 'Checking…' : 'Verify and sign in'}
          </Button>
          <Button
            type="button"
            variant="link"
            className="justify-self-start px-0"
            onClick={() => {
              setMethod(method === 'totp' ? 'backup_code' : 'totp')
              setValue('')
              setFieldError(undefined)
            }}
          >
            {method === 'totp' ? 'Use a backup code instead' : 'Use a code from your app instead'}
          </Button>
        </>
      )}
    </form>
  )
}
