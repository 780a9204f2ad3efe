'use client'

import { totpCodeSchema, type TwoFactorEnrolment } from '@taskwise/contracts/two-factor'
import QRCode from 'qrcode'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { Button } from '@/components/ui/button'
import { errorAria, Field, FieldError } from '@/components/ui/field'
import { FormAlert } from '@/components/ui/form-alert'
import { Input } from '@/components/ui/input'
import { Label } from '@/components/ui/label'
import { tooManyAttemptsSentence } from '@/features/auth/form-errors'
import { ApiError } from '@/lib/problem-error'
import { confirmTwoFactor } from '../api/two-factor'

/** The secret in groups of four, as people copy it into an app by hand. */
function grouped(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret
}

/**
 * Setting up the authenticator app: the QR code (drawn here, from the otpauth:// URI; nothing
 * leaves the browser), the secret in text for typing in, and the first code that turns it on.
 */
export function TwoFactorSetup({
  enrolment,
  onConfirmed,
  onCancel,
}: {
  enrolment: TwoFactorEnrolment
  onConfirmed: (backupCodes: string[]) => void
  onCancel: () => void
}) {
  const [qr, setQr] = useState<string>()
  const [code, setCode] = useState('')
  const [fieldError, setFieldError] = useState<string>()
  const [formError, setFormError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const input = useRef<HTMLInputElement>(null)

  useEffect(() => {
    let current = true
    void QRCode.toDataURL(enrolment.otpauthUri, { margin: 1, width: 192 }).then((url) => {
      if (current) setQr(url)
    })
    return () => {
      current = false
    }
  }, [enrolment.otpauthUri])

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    setFormError(undefined)
    const parsed = totpCodeSchema.safeParse(code)
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0]?.message)
      input.current?.focus()
      return
    }
    setFieldError(undefined)
    setBusy(true)
    try {
      onConfirmed(await confirmTwoFactor({ code: parsed.data }))
    } catch (error) {
      setBusy(false)
      if (error instanceof ApiError && error.code === 'invalid_code') {
        setFieldError(
          'That code is not right. Check the time on your phone, and try the next code.',
        )
        input.current?.focus()
      } else {
        setFormError(
          tooManyAttemptsSentence(error) ??
            (error instanceof ApiError ? error.message : 'Something went wrong. Try again.'),
        )
      }
    }
  }

  return (
    <div className="grid gap-4">
      <ol className="grid list-decimal gap-4 pl-5 text-sm">
        <li className="grid gap-3">
          <span>Scan this QR code with your authenticator app.</span>
          {qr ? (
            // A data: URL drawn in the browser: nothing for next/image to optimise.
            <img
              src={qr}
              alt="QR code for your authenticator app"
              width={192}
              height={192}
              className="size-48 rounded-md border bg-white"
            />
          ) : (
            <div className="size-48 rounded-md border bg-muted" aria-hidden />
          )}
          <span>
            Can’t scan it? Type this key into the app instead:{' '}
            <code
              data-testid="totp-secret"
              className="break-all rounded bg-muted px-1.5 py-0.5 font-mono text-sm"
            >
              {grouped(enrolment.secret)}
            </code>
          </span>
        </li>
        <li>
          <form noValidate onSubmit={onSubmit} className="grid gap-3" aria-label="Confirm the app">
            <FormAlert message={formError} />
            <Field>
              <Label htmlFor="two-factor-setup-code">Enter the 6-digit code the app shows</Label>
              <Input
                ref={input}
                id="two-factor-setup-code"
                value={code}
                onChange={(event) => setCode(event.target.value)}
                autoComplete="one-time-code"
                inputMode="numeric"
                className="max-w-48"
                {...errorAria('two-factor-setup-code-error', Boolean(fieldError))}
              />
              <FieldError id="two-factor-setup-code-error" message={fieldError} />
            </Field>
            <div className="flex flex-wrap gap-2">
              <Button type="submit" disabled={busy}>
                {busy ? 'Turning on…' : 'Turn on two-factor sign-in'}
              </Button>
              <Button type="button" variant="outline" onClick={onCancel}>
                Cancel
              </Button>
            </div>
          </form>
        </li>
      </ol>
    </div>
  )
}
