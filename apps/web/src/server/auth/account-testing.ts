import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  startTestMailbox,
  waitForMail,
  type CapturedMail,
} from '@taskwise/scripts/lib/test-mailbox'
import { expect } from 'vitest'
import {
  BASE_URL,
  cookieHeaderFrom,
  createAuthHarness,
  RAISED_AUTH_LIMITS,
  strongPassword,
  uniqueEmail,
  type AuthHarness,
} from './test-harness'

/**
 * For the account centre's tests: the auth harness on a real database, sending its mail over
 * real SMTP to a server the test starts, and a signed-up person with their cookies and JWT.
 */

export interface AccountHarness extends AuthHarness {
  /** The next mail to `to` (whose subject matches), parsed from what the SMTP server received. */
  mailTo(to: string, subject?: RegExp, timeoutMs?: number): Promise<CapturedMail>
}

export async function createAccountHarness(
  env: Record<string, string> = {},
): Promise<AccountHarness> {
  const dir = mkdtempSync(path.join(tmpdir(), 'taskwise-mailbox-'))
  const mailbox = await startTestMailbox({ dir, port: 0 })
  const harness = await createAuthHarness({
    ...RAISED_AUTH_LIMITS,
    SMTP_URL: mailbox.url,
    ...env,
  })
  return {
    ...harness,
    mailTo: (to, subject, timeoutMs = 10_000) =>
      waitForMail(dir, { to, ...(subject ? { subject } : {}) }, timeoutMs),
    async close() {
      await harness.close()
      await mailbox.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export interface Person {
  email: string
  password: string
  id: string
  token: string
  /** Cookie and Origin headers of a browser signed in as this person. */
  browser: { cookie: string; origin: string }
}

export async function signUp(harness: AuthHarness, email = uniqueEmail()): Promise<Person> {
  const password = strongPassword()
  const response = await harness.request('/api/auth/register', {
    json: { email, password, name: 'Ada' },
  })
  expect(response.status).toBe(201)
  const body = (await response.json()) as { user: { id: string }; token: string }
  return {
    email,
    password,
    id: body.user.id,
    token: body.token,
    browser: { cookie: cookieHeaderFrom(response), origin: BASE_URL },
  }
}

/** Signs the person in once more (another device): its cookies and JWT. */
export async function signInAgain(
  harness: AuthHarness,
  person: Pick<Person, 'email' | 'password'>,
  userAgent = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
): Promise<{ token: string; browser: { cookie: string; origin: string } }> {
  const response = await harness.request('/api/auth/login', {
    json: { email: person.email, password: person.password },
    headers: { 'user-agent': userAgent },
  })
  expect(response.status).toBe(200)
  const body = (await response.json()) as { token: string }
  return { token: body.token, browser: { cookie: cookieHeaderFrom(response), origin: BASE_URL } }
}

/** The status `/me` answers for these credentials. */
export async function meStatus(
  harness: AuthHarness,
  credentials: { cookie: string } | { token: string },
): Promise<number> {
  const headers: Record<string, string> =
    'token' in credentials
      ? { authorization: `Bearer ${credentials.token}` }
      : { cookie: credentials.cookie }
  return (await harness.request('/api/auth/me', { headers })).status
}

/** The first link in a mail's text that starts with `prefix`. */
export function linkIn(mail: CapturedMail, prefix: string): URL {
  const found = mail.text.split(/\s+/).find((word) => word.startsWith(prefix))
  if (!found) throw new Error(`no link starting with ${prefix} in "${mail.subject}"`)
  return new URL(found)
}
