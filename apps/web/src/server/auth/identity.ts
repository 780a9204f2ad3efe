import { createHmac } from 'node:crypto'

/**
 * A keyed hash of a (normalised) email address: what logs and the sign-in throttle hold instead
 * of the address. Keyed with the app's secret so that a leaked log cannot be reversed with a
 * list of known addresses.
 */
export function emailDigest(secret: string, email: string): string {
  return createHmac('sha256', secret).update(`email:${email.trim().toLowerCase()}`).digest('hex')
}

/** The short form that goes into log lines. */
export function emailHashForLog(secret: string, email: string): string {
  return emailDigest(secret, email).slice(0, 16)
}
