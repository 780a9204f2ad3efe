import { schema } from '@taskwise/db/client'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  createAccountHarness,
  linkIn,
  meStatus,
  signInAgain,
  signUp,
  type AccountHarness,
} from './account-testing'
import { CLIENT_ADDRESS_HEADER } from '../http/client-address-header'
import { FORGOT_PASSWORD_FLOOR_MS } from './routes/password'
import { BASE_URL, strongPassword, uniqueEmail } from './test-harness'

// Reset by email, over real SMTP: the link, its token's storage, its single use and its expiry.

let harness: AccountHarness

beforeAll(async () => {
  harness = await createAccountHarness()
})

afterAll(async () => {
  await harness?.close()
})

async function forgot(email: string, headers: Record<string, string> = {}) {
  return harness.request('/api/auth/forgot-password', { json: { email }, headers })
}

async function resetLinkFor(email: string): Promise<{ url: URL; token: string }> {
  const mail = await harness.mailTo(email, /reset/i)
  const url = linkIn(mail, `${BASE_URL}/reset-password`)
  return { url, token: url.searchParams.get('token') ?? '' }
}

describe('forgot-password', () => {
  test('answers 202 with the same body for a known and an unknown address; only the known one gets a link', async () => {
    const person = await signUp(harness)
    const unknown = uniqueEmail('nobody')
    const timed = async (email: string) => {
      const started = performance.now()
      const response = await forgot(email)
      // Both answer no sooner than the floor that hides the known path's extra work.
      expect(performance.now() - started).toBeGreaterThanOrEqual(FORGOT_PASSWORD_FLOOR_MS - 1)
      return response
    }
    const known = await timed(person.email.toUpperCase())
    const stranger = await timed(unknown)
    expect(known.status).toBe(202)
    expect(stranger.status).toBe(202)
    expect(await known.json()).toEqual(await stranger.json())

    const { url, token } = await resetLinkFor(person.email)
    expect(url.origin + url.pathname).toBe(`${BASE_URL}/reset-password`)
    // Better Auth's token: 24 characters of [A-Za-z0-9], about 143 bits.
    expect(token).toMatch(/^[A-Za-z0-9]{24,}$/)
    // Sent in the background like the known one's, which has arrived by now.
    await expect(harness.mailTo(unknown, undefined, 1_500)).rejects.toThrow()
  })

  test('the token is stored only as a hash, expires in 30 minutes, and the link ignores a spoofed Host', async () => {
    const person = await signUp(harness)
    await forgot(person.email, { host: 'evil.example', 'x-forwarded-host': 'evil.example' })
    const { url, token } = await resetLinkFor(person.email)
    expect(url.host).toBe(new URL(BASE_URL).host)
    const rows = await harness.taskwise.db
      .select()
      .from(schema.verification)
      .where(eq(schema.verification.value, person.id))
    expect(rows).toHaveLength(1)
    const [row] = rows
    expect(row?.identifier).not.toContain(token)
    const minutes = ((row?.expiresAt.getTime() ?? 0) - Date.now()) / 60_000
    expect(minutes).toBeGreaterThan(28)
    expect(minutes).toBeLessThanOrEqual(30.5)
  })

  test('is limited per address, whichever IP asks', async () => {
    const person = await signUp(harness)
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(
        (await forgot(person.email, { [CLIENT_ADDRESS_HEADER]: `198.51.100.${attempt}` })).status,
      ).toBe(202)
    }
    const limited = await forgot(person.email, { [CLIENT_ADDRESS_HEADER]: '198.51.100.99' })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await limited.json()).toMatchObject({ code: 'rate_limited' })
  })

  test('refuses a body that is not an email address, naming the field', async () => {
    const response = await forgot('not an address')
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'email' }],
    })
  })
})

describe('reset-password', () => {
  test('resets once: the new password signs in, the old does not, every session and JWT ends, and the person is told', async () => {
    const person = await signUp(harness)
    const other = await signInAgain(harness, person)
    await forgot(person.email)
    const { token } = await resetLinkFor(person.email)
    const password = strongPassword()

    const reset = await harness.request('/api/auth/reset-password', { json: { token, password } })
    expect(reset.status).toBe(204)
    // A reset does not sign anyone in.
    expect(
      reset.headers
        .getSetCookie()
        .some((c) => c.includes('session_token=') && !/Max-Age=0/i.test(c)),
    ).toBe(false)

    for (const credentials of [
      person.browser,
      other.browser,
      { token: person.token },
      { token: other.token },
    ]) {
      expect(await meStatus(harness, credentials)).toBe(401)
    }
    const signIn = (pw: string) =>
      harness.request('/api/auth/login', { json: { email: person.email, password: pw } })
    expect((await signIn(person.password)).status).toBe(401)
    expect((await signIn(password)).status).toBe(200)

    const again = await harness.request('/api/auth/reset-password', {
      json: { token, password: strongPassword() },
    })
    expect(again.status).toBe(400)
    expect(await again.json()).toMatchObject({ code: 'reset_token_invalid' })
    expect((await signIn(password)).status).toBe(200)

    const told = await harness.mailTo(person.email, /password was reset/i)
    expect(told.text).toMatch(/if (this|it) was(n['’]t| not) you/i)
  })

  test('an unknown, expired or malformed token is reset_token_invalid or a named field, and changes nothing', async () => {
    const person = await signUp(harness)
    await forgot(person.email)
    const { token } = await resetLinkFor(person.email)
    await harness.taskwise.db
      .update(schema.verification)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(schema.verification.value, person.id))
    for (const candidate of [token, 'A'.repeat(24)]) {
      const response = await harness.request('/api/auth/reset-password', {
        json: { token: candidate, password: strongPassword() },
      })
      expect(response.status).toBe(400)
      expect(await response.json()).toMatchObject({ code: 'reset_token_invalid' })
    }
    const malformed = await harness.request('/api/auth/reset-password', {
      json: { token: '../../etc', password: strongPassword() },
    })
    expect(await malformed.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'token' }],
    })
    expect(await meStatus(harness, person.browser)).toBe(200)
  })

  test('the password policy applies, every unmet rule listed, and the link still works after', async () => {
    const person = await signUp(harness)
    await forgot(person.email)
    const { token } = await resetLinkFor(person.email)
    const weak = await harness.request('/api/auth/reset-password', {
      json: { token, password: 'Welcome2024!' },
    })
    expect(weak.status).toBe(400)
    expect(await weak.json()).toMatchObject({
      code: 'password_policy',
      errors: [{ path: 'password', code: 'password_too_common' }],
    })
    const good = await harness.request('/api/auth/reset-password', {
      json: { token, password: strongPassword() },
    })
    expect(good.status).toBe(204)
  })

  test('a locked-out account can sign in right after a reset', async () => {
    const locked = await createAccountHarness({ AUTH_LOCKOUT_MAX_FAILURES: '2' })
    try {
      const person = await signUp(locked)
      for (let attempt = 0; attempt < 3; attempt += 1) {
        await locked.request('/api/auth/login', {
          json: { email: person.email, password: 'Wrong-password-1!' },
        })
      }
      const refused = await locked.request('/api/auth/login', {
        json: { email: person.email, password: person.password },
      })
      expect(refused.status).toBe(429)
      await locked.request('/api/auth/forgot-password', { json: { email: person.email } })
      const url = linkIn(await locked.mailTo(person.email, /reset/i), `${BASE_URL}/reset-password`)
      const password = strongPassword()
      await locked.request('/api/auth/reset-password', {
        json: { token: url.searchParams.get('token'), password },
      })
      const after = await locked.request('/api/auth/login', {
        json: { email: person.email, password },
      })
      expect(after.status).toBe(200)
    } finally {
      await locked.close()
    }
  })
})
