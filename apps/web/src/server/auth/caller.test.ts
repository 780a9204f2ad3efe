import {
  createTcpProxy,
  freePort,
  hostAndPort,
  viaPort,
  type TcpProxy,
} from '@taskwise/api/src/testing/tcp-proxy'
import { JWT_COOKIE_NAME } from '@taskwise/contracts/auth'
import { schema } from '@taskwise/db/client'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { signUp, type Person } from './account-testing'
import { BASE_URL, createAuthHarness, RAISED_AUTH_LIMITS, type AuthHarness } from './test-harness'

/**
 * Who is calling a contract route (caller.ts), seen through GET /api/auth/me and a cookie write:
 * by Bearer JWT, by session cookie, or by the JWT cookie alone; what each refusal says; and the
 * session's "last active" time, which a request moves forward at most every five minutes.
 */

let harness: AuthHarness

beforeAll(async () => {
  harness = await createAuthHarness({ ...RAISED_AUTH_LIMITS })
})

afterAll(async () => {
  await harness?.close()
})

const me = (headers: Record<string, string>) => harness.request('/api/auth/me', { headers })

async function sessionIdOf(person: Person): Promise<string> {
  const [row] = await harness.taskwise.db
    .select({ id: schema.session.id })
    .from(schema.session)
    .where(eq(schema.session.userId, person.id))
  if (!row) throw new Error('no session')
  return row.id
}

function setSession(id: string, values: Partial<typeof schema.session.$inferInsert>) {
  return harness.taskwise.db.update(schema.session).set(values).where(eq(schema.session.id, id))
}

async function expectUnauthenticated(response: Response, challenge: string) {
  expect(response.status).toBe(401)
  expect(response.headers.get('www-authenticate')).toBe(challenge)
  expect(await response.json()).toMatchObject({
    code: 'invalid_token',
    detail: 'Sign in first: send a session cookie or an Authorization: Bearer token.',
  })
}

describe('a Bearer token', () => {
  test('names the user of its session, as the contract shows a user', async () => {
    const person = await signUp(harness)
    const response = await me({ authorization: `Bearer ${person.token}` })
    expect(response.status).toBe(200)
    const [row] = await harness.taskwise.db
      .select()
      .from(schema.user)
      .where(eq(schema.user.id, person.id))
    expect(await response.json()).toEqual({
      user: {
        id: person.id,
        email: person.email,
        name: 'Ada',
        createdAt: row!.createdAt.toISOString(),
      },
    })
  })

  test('is refused once its session has expired, though the token itself has not', async () => {
    const person = await signUp(harness)
    await setSession(await sessionIdOf(person), { expiresAt: new Date(Date.now() - 1_000) })
    await expectUnauthenticated(
      await me({ authorization: `Bearer ${person.token}` }),
      'Bearer error="invalid_token"',
    )
  })

  test('a malformed Authorization header is refused, even beside good cookies', async () => {
    const person = await signUp(harness)
    await expectUnauthenticated(
      await me({ authorization: 'Basic YTpi', cookie: person.browser.cookie }),
      'Bearer error="invalid_token"',
    )
  })
})

describe('cookies', () => {
  test('without any credentials the challenge is a plain Bearer', async () => {
    await expectUnauthenticated(await me({}), 'Bearer')
  })

  test('the JWT cookie alone (no session cookie) is enough while its session lives', async () => {
    const person = await signUp(harness)
    const jwtOnly = { cookie: `${JWT_COOKIE_NAME}=${person.token}` }
    expect(await me(jwtOnly).then((response) => response.status)).toBe(200)
    await harness.taskwise.db
      .delete(schema.session)
      .where(eq(schema.session.id, await sessionIdOf(person)))
    await expectUnauthenticated(await me(jwtOnly), 'Bearer')
  })

  test('a write with no credentials at all is a 401 to sign in, not a 403', async () => {
    const response = await harness.request('/api/auth/sessions/revoke-others', {
      method: 'POST',
      json: { password: 'Any-Password-1' },
    })
    await expectUnauthenticated(response, 'Bearer')
  })

  test('the session cookie alone (no JWT cookie) is enough', async () => {
    const person = await signUp(harness)
    const sessionOnly = person.browser.cookie
      .split('; ')
      .filter((cookie) => !cookie.startsWith(`${JWT_COOKIE_NAME}=`))
    expect(sessionOnly).toEqual([expect.stringMatching(/^taskwise\.session_token=/)])
    const response = await me({ cookie: sessionOnly.join('; ') })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ user: { id: person.id } })
  })

  test('a cookie that is neither a session nor a JWT is a 401', async () => {
    await expectUnauthenticated(await me({ cookie: `${JWT_COOKIE_NAME}=not-a-jwt; x=1` }), 'Bearer')
  })

  test('a cookie write needs this site as its Origin, or Sec-Fetch-Site: same-origin', async () => {
    const person = await signUp(harness)
    const revokeOthers = (headers: Record<string, string>) =>
      harness.request('/api/auth/sessions/revoke-others', {
        method: 'POST',
        headers: { cookie: person.browser.cookie, ...headers },
        json: { password: person.password },
      })
    const foreign: Record<string, string>[] = [
      {},
      { origin: 'http://evil.test' },
      { 'sec-fetch-site': 'same-site' },
    ]
    for (const headers of foreign) {
      const refused = await revokeOthers(headers)
      expect(refused.status).toBe(403)
      expect(await refused.json()).toMatchObject({
        code: 'forbidden',
        detail: expect.stringContaining('must come from this site (a trusted Origin header)'),
      })
    }
    expect((await revokeOthers({ origin: BASE_URL })).status).toBe(204)
    expect((await revokeOthers({ 'sec-fetch-site': 'same-origin' })).status).toBe(204)
    // A read needs neither.
    expect((await me({ cookie: person.browser.cookie })).status).toBe(200)
  })
})

describe('last active', () => {
  async function updatedAtOf(id: string): Promise<Date> {
    const [row] = await harness.taskwise.db
      .select({ updatedAt: schema.session.updatedAt })
      .from(schema.session)
      .where(eq(schema.session.id, id))
    return row!.updatedAt
  }

  /** The session's updated_at once the background touch has had its chance. */
  async function settledUpdatedAt(id: string, changedFrom: Date): Promise<Date> {
    for (let tries = 0; tries < 20; tries += 1) {
      const now = await updatedAtOf(id)
      if (now.getTime() !== changedFrom.getTime()) return now
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    return updatedAtOf(id)
  }

  test.each([
    ['a Bearer token', (person: Person) => ({ authorization: `Bearer ${person.token}` })],
    ['the session cookie', (person: Person) => ({ cookie: person.browser.cookie })],
  ])('a request with %s moves it to now when it is over five minutes old', async (_, headers) => {
    const person = await signUp(harness)
    const id = await sessionIdOf(person)
    await setSession(id, { updatedAt: sql`now() - interval '6 minutes'` as unknown as Date })
    const before = await updatedAtOf(id)
    expect((await me(headers(person))).status).toBe(200)
    const after = await settledUpdatedAt(id, before)
    expect(Date.now() - after.getTime()).toBeLessThan(60_000)
  })

  test('a request within five minutes leaves it as it is', async () => {
    const person = await signUp(harness)
    const id = await sessionIdOf(person)
    await setSession(id, { updatedAt: sql`now() - interval '4 minutes'` as unknown as Date })
    const before = await updatedAtOf(id)
    expect((await me({ authorization: `Bearer ${person.token}` })).status).toBe(200)
    expect(await settledUpdatedAt(id, before)).toEqual(before)
  })
})

describe('while the database is unreachable', () => {
  let proxy: TcpProxy
  let cut: AuthHarness

  beforeAll(async () => {
    const port = await freePort()
    cut = await createAuthHarness(RAISED_AUTH_LIMITS, {
      appDatabaseUrl: async (url) => {
        proxy = createTcpProxy(port, hostAndPort(url))
        await proxy.start()
        return viaPort(url, port)
      },
    })
  })

  afterAll(async () => {
    await proxy?.stop()
    await cut?.close()
  })

  // The signing keys live in the database: a token that cannot be judged is not a bad token, and
  // a program told 401 would ask its user to sign in again for nothing.
  test('a Bearer token is answered 503 with Retry-After, not a 401; it works again after', async () => {
    const person = await signUp(cut)
    const bearer = { authorization: `Bearer ${person.token}` }
    await proxy.stop()
    try {
      const response = await cut.request('/api/auth/me', { headers: bearer })
      expect(response.status).toBe(503)
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(await response.json()).toMatchObject({ status: 503 })
    } finally {
      await proxy.start()
    }
    expect((await cut.request('/api/auth/me', { headers: bearer })).status).toBe(200)
  })
})
