import { Secret, TOTP } from 'otpauth'

/**
 * Authenticator-app codes (RFC 6238): SHA-1, six digits, 30-second steps — what every app reads
 * from a QR code. A code is accepted for the current step or one step either side (clocks drift
 * and people type slowly); which step it matched is returned, for the replay guard.
 */

export const TOTP_PERIOD_SECONDS = 30
const ISSUER = 'Taskwise'

function totpFor(secret: string, label = 'Taskwise'): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  })
}

/** A new secret: 160 random bits (RFC 4226's recommendation), base32 as apps expect it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32
}

/** The otpauth:// URI a QR code carries: the secret, the issuer and the account's address. */
export function otpauthUri(secret: string, email: string): string {
  return totpFor(secret, email).toString()
}

/** The time step of `now` (Unix time / 30 s). */
export function timeStepAt(now: number): number {
  return Math.floor(now / 1000 / TOTP_PERIOD_SECONDS)
}

/** The time step whose code `code` is, within one step of `now`; null when it is none of them. */
export function matchingTimeStep(secret: string, code: string, now = Date.now()): number | null {
  const delta = totpFor(secret).validate({ token: code, timestamp: now, window: 1 })
  return delta === null ? null : timeStepAt(now) + delta
}
