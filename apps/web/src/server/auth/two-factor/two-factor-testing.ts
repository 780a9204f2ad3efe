import { Secret, TOTP } from 'otpauth'
import { expect } from 'vitest'
import { type Person } from '../account-testing'
import { BASE_URL, cookieHeaderFrom, type AuthHarness } from '../test-harness'

/** For the two-factor tests: codes computed from a secret, as an authenticator app would. */

const PERIOD_MS = 30_000

/** The code of `secret` for the time step `offset` steps from now. */
export function codeAt(secret: string, offset = 0, now = Date.now()): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 })
  return totp.generate({ timestamp: now + offset * PERIOD_MS })
}

/** Waits, if needed, until at least `marginMs` remain in the current 30-second step. */
export async function awayFromStepEdge(marginMs = 4_000): Promise<void> {
  const left = PERIOD_MS - (Date.now() % PERIOD_MS)
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 50))
}

export interface Enrolled {
  secret: string
  backupCodes: string[]
}

/** Sets up the authenticator for `person` (its first code from the previous step) and turns it on. */
export async function enrol(harness: AuthHarness, person: Person): Promise<Enrolled> {
  await awayFromStepEdge()
  const started = await harness.request('/api/auth/two-factor/enable', {
    headers: person.browser,
    json: { password: person.password },
  })
  expect(started.status).toBe(200)
  const { secret } = (await started.json()) as { secret: string }
  const confirmed = await harness.request('/api/auth/two-factor/confirm', {
    headers: person.browser,
    json: { code: codeAt(secret, -1) },
  })
  expect(confirmed.status).toBe(200)
  const { backupCodes } = (await confirmed.json()) as { backupCodes: string[] }
  return { secret, backupCodes }
}

/** A browser's first step: the password. Its pending-state cookie, and the answer. */
export async function passwordStep(harness: AuthHarness, person: Person, cookie = '') {
  const response = await harness.request('/api/auth/login', {
    headers: cookie ? { cookie, origin: BASE_URL } : {},
    json: { email: person.email, password: person.password },
  })
  return { response, cookie: [cookie, cookieHeaderFrom(response)].filter(Boolean).join('; ') }
}

/** The second step, with the pending-state cookie. */
export function secondStep(harness: AuthHarness, cookie: string, json: Record<string, unknown>) {
  return harness.request('/api/auth/login/two-factor', {
    headers: { cookie, origin: BASE_URL },
    json,
  })
}
