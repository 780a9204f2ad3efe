import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { loadWebConfig } from '../config'
import { CLIENT_ADDRESS_HEADER } from '../http/client-address-header'
import { createAuth } from './auth'
import { createAuthHttp } from './http-handlers'
import {
  BASE_URL,
  createAuthHarness,
  strongPassword,
  uniqueEmail,
  type AuthHarness,
} from './test-harness'

// Small limits, so each rule is reached quickly. (They are raised, never disabled, elsewhere.)
const PER_IP = 3
const PER_IP_WINDOW_SECONDS = 30
const PER_ACCOUNT = 5

let harness: AuthHarness
let ipCounter = 0
/** A fresh client address per use, so tests never share an IP bucket. */
const newIp = () => `203.0.113.${(ipCounter += 1)}`

beforeAll(async () => {
  harness = await createAuthHarness({
    AUTH_RATE_LIMIT_MAX: String(PER_IP),
    AUTH_RATE_LIMIT_WINDOW_SECONDS: String(PER_IP_WINDOW_SECONDS),
    AUTH_LOCKOUT_MAX_FAILURES: String(PER_ACCOUNT),
    AUTH_LOCKOUT_WINDOW_SECONDS: '900',
  })
})

afterAll(async () => {
  await harness?.close()
})

async function registerUser() {
  const email = uniqueEmail()
  const password = strongPassword()
  const response = await harness.request('/api/auth/register', {
    json: { email, password },
    ip: newIp(),
  })
  expect(response.status).toBe(201)
  return { email, password }
}

function retryAfterOf(response: Response): number {
  return Number(response.headers.get('retry-after'))
}

describe('the per-IP limit', () => {
  test('sign-in attempts from one IP beyond the limit get 429 with Retry-After; another IP is unaffected', async () => {
    const ip = newIp()
    for (let attempt = 0; attempt < PER_IP; attempt += 1) {
      const response = await harness.request('/api/auth/login', {
        json: { email: uniqueEmail('guess'), password: 'Wrong-Password-1' },
        ip,
      })
      expect(response.status).toBe(401)
    }
    const limited = await harness.request('/api/auth/login', {
      json: { email: uniqueEmail(), password: 'Wrong-Password-1' },
      ip,
    })
    expect(limited.status).toBe(429)
    expect(limited.headers.get('content-type')).toBe('application/problem+json')
    expect(await limited.json()).toMatchObject({
      status: 429,
      code: 'rate_limited',
      detail: 'Too many requests. Try again after the time given in Retry-After.',
    })
    // The time left in this window, not some default.
    expect(retryAfterOf(limited)).toBeGreaterThan(PER_IP_WINDOW_SECONDS - 10)
    expect(retryAfterOf(limited)).toBeLessThanOrEqual(PER_IP_WINDOW_SECONDS)
    // Logged once per refusal, with where and from whom (never the email or password).
    expect(
      harness.logs.filter((record) => record.event === 'auth.rate_limited' && record.ip === ip),
    ).toEqual([
      expect.objectContaining({
        level: 40, // warn
        msg: 'rate limited',
        path: '/api/auth/sign-in/email',
      }),
    ])

    const elsewhere = await harness.request('/api/auth/login', {
      json: { email: uniqueEmail(), password: 'Wrong-Password-1' },
      ip: newIp(),
    })
    expect(elsewhere.status).toBe(401)
  })

  test('Better Auth’s own sign-in route shares the same limit', async () => {
    const ip = newIp()
    for (let attempt = 0; attempt < PER_IP; attempt += 1) {
      await harness.request('/api/auth/login', {
        json: { email: uniqueEmail(), password: 'Wrong-Password-1' },
        ip,
      })
    }
    const native = await harness.request('/api/auth/sign-in/email', {
      json: { email: uniqueEmail(), password: 'Wrong-Password-1' },
      ip,
    })
    expect(native.status).toBe(429)
    expect(retryAfterOf(native)).toBeGreaterThan(0)
  })

  test('sign-ups from one IP beyond the limit get 429 with Retry-After, and create nothing', async () => {
    const ip = newIp()
    for (let attempt = 0; attempt < PER_IP; attempt += 1) {
      const response = await harness.request('/api/auth/register', {
        json: { email: uniqueEmail(), password: strongPassword() },
        ip,
      })
      expect(response.status).toBe(201)
    }
    const email = uniqueEmail()
    const limited = await harness.request('/api/auth/register', {
      json: { email, password: strongPassword() },
      ip,
    })
    expect(limited.status).toBe(429)
    expect(retryAfterOf(limited)).toBeGreaterThan(0)
    const rows = await harness.taskwise.pool.query(
      'select count(*)::int as n from "user" where email = $1',
      [email],
    )
    expect(rows.rows[0]).toEqual({ n: 0 })
  })

  test('the counters live in the database, so a second web instance on it enforces the same limit', async () => {
    const ip = newIp()
    for (let attempt = 0; attempt < PER_IP; attempt += 1) {
      await harness.request('/api/auth/login', {
        json: { email: uniqueEmail(), password: 'Wrong-Password-1' },
        ip,
      })
    }
    const other = createAuth(
      loadWebConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATABASE_URL: harness.database.url,
        BETTER_AUTH_URL: BASE_URL,
        AUTH_RATE_LIMIT_MAX: String(PER_IP),
      }),
    )
    try {
      const response = await createAuthHttp(other).login(
        new Request(`${BASE_URL}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [CLIENT_ADDRESS_HEADER]: ip },
          body: JSON.stringify({ email: uniqueEmail(), password: 'Wrong-Password-1' }),
        }),
      )
      expect(response.status).toBe(429)
    } finally {
      await other.close()
    }
  })
})

describe('the per-account limit', () => {
  test('failed sign-ins from ever-changing IPs lock the account; even the right password then gets 429', async () => {
    const { email, password } = await registerUser()
    for (let attempt = 0; attempt < PER_ACCOUNT; attempt += 1) {
      const response = await harness.request('/api/auth/login', {
        json: { email, password: 'Wrong-Password-1' },
        ip: newIp(),
      })
      expect(response.status).toBe(401)
    }
    const lockedFrom = newIp()
    const locked = await harness.request('/api/auth/login', {
      json: { email, password },
      ip: lockedFrom,
    })
    expect(locked.status).toBe(429)
    expect(await locked.json()).toMatchObject({
      status: 429,
      code: 'account_locked',
      detail:
        'Too many sign-in attempts for this account. Try again after the time given in Retry-After.',
    })
    expect(retryAfterOf(locked)).toBeGreaterThan(800)
    expect(retryAfterOf(locked)).toBeLessThanOrEqual(900)
    expect(locked.headers.getSetCookie()).toEqual([])
    // A lock is logged as a lock (below), not as an address sending too much.
    expect(
      harness.logs.filter((record) => record.event === 'auth.rate_limited'),
    ).not.toContainEqual(
      expect.objectContaining({ path: '/api/auth/sign-in/email', ip: lockedFrom }),
    )

    // Better Auth's own route is locked too, and another account is not.
    const native = await harness.request('/api/auth/sign-in/email', {
      json: { email, password },
      ip: newIp(),
    })
    expect(native.status).toBe(429)
    const other = await registerUser()
    expect((await harness.request('/api/auth/login', { json: other, ip: newIp() })).status).toBe(
      200,
    )
  })

  test('an unknown address locks the same way, so the lock reveals nothing about who has an account', async () => {
    const email = uniqueEmail('nobody')
    for (let attempt = 0; attempt < PER_ACCOUNT; attempt += 1) {
      await harness.request('/api/auth/login', {
        json: { email, password: 'Wrong-Password-1' },
        ip: newIp(),
      })
    }
    const locked = await harness.request('/api/auth/login', {
      json: { email, password: 'Wrong-Password-1' },
      ip: newIp(),
    })
    expect(locked.status).toBe(429)
    expect(await locked.json()).toMatchObject({ code: 'account_locked' })
  })

  test('parallel guesses cannot slip past the limit', async () => {
    const { email } = await registerUser()
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        harness.request('/api/auth/login', {
          json: { email, password: 'Wrong-Password-1' },
          ip: newIp(),
        }),
      ),
    )
    const statuses = responses.map((response) => response.status)
    expect(statuses.filter((status) => status === 401)).toHaveLength(PER_ACCOUNT)
    expect(statuses.filter((status) => status === 429)).toHaveLength(20 - PER_ACCOUNT)
  })

  test('a successful sign-in forgives earlier failures', async () => {
    const { email, password } = await registerUser()
    for (let attempt = 0; attempt < PER_ACCOUNT - 1; attempt += 1) {
      await harness.request('/api/auth/login', {
        json: { email, password: 'Wrong-Password-1' },
        ip: newIp(),
      })
    }
    expect(
      (await harness.request('/api/auth/login', { json: { email, password }, ip: newIp() })).status,
    ).toBe(200)
    for (let attempt = 0; attempt < PER_ACCOUNT - 1; attempt += 1) {
      const response = await harness.request('/api/auth/login', {
        json: { email, password: 'Wrong-Password-1' },
        ip: newIp(),
      })
      expect(response.status).toBe(401)
    }
    expect(
      (await harness.request('/api/auth/login', { json: { email, password }, ip: newIp() })).status,
    ).toBe(200)
  })

  test('a lock is logged with the email hash and IP', async () => {
    expect(harness.logs).toContainEqual(
      expect.objectContaining({
        event: 'auth.sign_in',
        outcome: 'locked',
        emailHash: expect.any(String),
        ip: expect.any(String),
      }),
    )
  })
})
