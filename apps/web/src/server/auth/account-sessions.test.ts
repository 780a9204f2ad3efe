import { schema } from '@taskwise/db/client'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  createAccountHarness,
  meStatus,
  signInAgain,
  signUp,
  type AccountHarness,
  type Person,
} from './account-testing'
import { cookieHeaderFrom, strongPassword } from './test-harness'

// Change of password, the sessions list and ending sessions: who stays signed in, who does not.

let harness: AccountHarness

beforeAll(async () => {
  harness = await createAccountHarness()
})

afterAll(async () => {
  await harness?.close()
})

function post(path: string, headers: Record<string, string>, json: unknown) {
  return harness.request(path, { method: 'POST', headers, json })
}

async function sessionTokensOf(person: Person): Promise<string[]> {
  const rows = await harness.taskwise.db
    .select({ token: schema.session.token })
    .from(schema.session)
    .where(eq(schema.session.userId, person.id))
  return rows.map((row) => row.token)
}

describe('change-password', () => {
  test('a wrong current password is refused as invalid_password, and nothing changes', async () => {
    const person = await signUp(harness)
    const other = await signInAgain(harness, person)
    const response = await post('/api/auth/change-password', person.browser, {
      currentPassword: 'Not-the-password-1!',
      newPassword: strongPassword(),
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      code: 'invalid_password',
      errors: [{ path: 'currentPassword', code: 'invalid_password' }],
    })
    expect(await meStatus(harness, person.browser)).toBe(200)
    expect(await meStatus(harness, other.browser)).toBe(200)
    const signIn = await harness.request('/api/auth/login', {
      json: { email: person.email, password: person.password },
    })
    expect(signIn.status).toBe(200)
  })

  test('ends every other session, gives this tab a new session and JWT, and tells the person', async () => {
    const person = await signUp(harness)
    const other = await signInAgain(harness, person)
    const newPassword = strongPassword()
    const response = await post('/api/auth/change-password', person.browser, {
      currentPassword: person.password,
      newPassword,
    })
    expect(response.status).toBe(200)
    const body = (await response.json()) as {
      user: { id: string }
      token: string
      expiresAt: string
    }
    expect(body.user.id).toBe(person.id)
    expect(body.token).not.toBe(person.token)
    const fresh = cookieHeaderFrom(response)
    expect(fresh).toContain('taskwise.session_token=')
    expect(fresh).toContain('taskwise.jwt=')

    expect(await meStatus(harness, { cookie: fresh })).toBe(200)
    expect(await meStatus(harness, { token: body.token })).toBe(200)
    for (const ended of [
      person.browser,
      other.browser,
      { token: person.token },
      { token: other.token },
    ]) {
      expect(await meStatus(harness, ended)).toBe(401)
    }
    expect(await sessionTokensOf(person)).toHaveLength(1)
    const mail = await harness.mailTo(person.email, /password was changed/i)
    expect(mail.text).toContain('Taskwise')
  })

  test('signOutOtherSessions: false keeps the other devices signed in', async () => {
    const person = await signUp(harness)
    const other = await signInAgain(harness, person)
    const response = await post('/api/auth/change-password', person.browser, {
      currentPassword: person.password,
      newPassword: strongPassword(),
      signOutOtherSessions: false,
    })
    expect(response.status).toBe(200)
    expect(await meStatus(harness, other.browser)).toBe(200)
    expect(await meStatus(harness, { token: other.token })).toBe(200)
    expect(await meStatus(harness, person.browser)).toBe(401)
  })

  test('a program changes the password with its Bearer token; the policy applies', async () => {
    const person = await signUp(harness)
    const bearer = { authorization: `Bearer ${person.token}` }
    const weak = await post('/api/auth/change-password', bearer, {
      currentPassword: person.password,
      newPassword: 'password',
    })
    expect(weak.status).toBe(400)
    expect(await weak.json()).toMatchObject({ code: 'password_policy' })
    const good = await post('/api/auth/change-password', bearer, {
      currentPassword: person.password,
      newPassword: strongPassword(),
    })
    expect(good.status).toBe(200)
    const { token } = (await good.json()) as { token: string }
    expect(await meStatus(harness, { token })).toBe(200)
    expect(await meStatus(harness, { token: person.token })).toBe(401)
  })

  test('a cookie-carrying request from another site is refused, and one with no credentials is 401', async () => {
    const person = await signUp(harness)
    const body = { currentPassword: person.password, newPassword: strongPassword() }
    const crossSite = await post(
      '/api/auth/change-password',
      { cookie: person.browser.cookie, origin: 'https://evil.example' },
      body,
    )
    expect(crossSite.status).toBe(403)
    const anonymous = await post('/api/auth/change-password', {}, body)
    expect(anonymous.status).toBe(401)
    expect(await meStatus(harness, person.browser)).toBe(200)
  })
})

describe('sessions', () => {
  test('lists every signed-in device, this one marked, without a session token', async () => {
    const person = await signUp(harness)
    await signInAgain(harness, person)
    const response = await harness.request('/api/auth/sessions', { headers: person.browser })
    expect(response.status).toBe(200)
    const text = await response.text()
    for (const token of await sessionTokensOf(person)) expect(text).not.toContain(token)
    const { items } = JSON.parse(text) as {
      items: Array<{ id: string; current: boolean; device: string; ip: string | null }>
    }
    expect(items).toHaveLength(2)
    expect(items[0]?.current).toBe(true)
    expect(items[1]).toMatchObject({ current: false, device: 'Chrome on Linux' })
  })

  test('ending one session needs the password; that device is signed out, this one is not', async () => {
    const person = await signUp(harness)
    const other = await signInAgain(harness, person)
    const list = (await (
      await harness.request('/api/auth/sessions', { headers: person.browser })
    ).json()) as { items: Array<{ id: string; current: boolean }> }
    const target = list.items.find((item) => !item.current)?.id ?? ''

    const wrong = await post(`/api/auth/sessions/${target}/revoke`, person.browser, {
      password: 'Not-the-password-1!',
    })
    expect(wrong.status).toBe(400)
    expect(await meStatus(harness, other.browser)).toBe(200)

    const ended = await post(`/api/auth/sessions/${target}/revoke`, person.browser, {
      password: person.password,
    })
    expect(ended.status).toBe(204)
    expect(await meStatus(harness, other.browser)).toBe(401)
    expect(await meStatus(harness, { token: other.token })).toBe(401)
    expect(await meStatus(harness, person.browser)).toBe(200)
  })

  test('another person’s session, an unknown id and a malformed id are all 404', async () => {
    const person = await signUp(harness)
    const stranger = await signUp(harness)
    const [strangerSession] = await harness.taskwise.db
      .select({ id: schema.session.id })
      .from(schema.session)
      .where(eq(schema.session.userId, stranger.id))
    for (const id of [strangerSession?.id, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const response = await post(`/api/auth/sessions/${id}/revoke`, person.browser, {
        password: person.password,
      })
      expect(response.status).toBe(404)
    }
    expect(await meStatus(harness, stranger.browser)).toBe(200)
  })

  test('revoke-others leaves only this session', async () => {
    const person = await signUp(harness)
    const others = [await signInAgain(harness, person), await signInAgain(harness, person)]
    const response = await post('/api/auth/sessions/revoke-others', person.browser, {
      password: person.password,
    })
    expect(response.status).toBe(204)
    for (const other of others) expect(await meStatus(harness, other.browser)).toBe(401)
    expect(await meStatus(harness, person.browser)).toBe(200)
    expect(await sessionTokensOf(person)).toHaveLength(1)
  })

  test('a program lists and ends sessions with its Bearer token', async () => {
    const person = await signUp(harness)
    const other = await signInAgain(harness, person)
    const bearer = { authorization: `Bearer ${person.token}` }
    const list = await harness.request('/api/auth/sessions', { headers: bearer })
    expect(list.status).toBe(200)
    const response = await post('/api/auth/sessions/revoke-others', bearer, {
      password: person.password,
    })
    expect(response.status).toBe(204)
    expect(await meStatus(harness, { token: other.token })).toBe(401)
    expect(await meStatus(harness, { token: person.token })).toBe(200)
  })
})

test('repeated wrong passwords on the re-authentication routes lock the account like sign-in does', async () => {
  const locked = await createAccountHarness({ AUTH_LOCKOUT_MAX_FAILURES: '3' })
  try {
    const person = await signUp(locked)
    const statuses: number[] = []
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const response = await locked.request('/api/auth/sessions/revoke-others', {
        method: 'POST',
        headers: person.browser,
        json: { password: `Wrong-guess-${attempt}!` },
      })
      statuses.push(response.status)
    }
    expect(statuses).toEqual([400, 400, 400, 429])
  } finally {
    await locked.close()
  }
})
