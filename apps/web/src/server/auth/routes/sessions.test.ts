import { schema } from '@taskwise/db/client'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { signInAgain, signUp, type Person } from '../account-testing'
import { createAuthHarness, strongPassword, type AuthHarness } from '../test-harness'

/**
 * The sessions routes (./sessions.ts) and the current-password check they share
 * (./reauthenticate.ts): what the list holds and in which order, what ending a session ends,
 * what it records and logs, and how wrong passwords count towards the per-account lock.
 */

const LOCK_AFTER = 3
const PHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Version/18.0 Safari/605.1.15'

let harness: AuthHarness

beforeAll(async () => {
  harness = await createAuthHarness({
    AUTH_RATE_LIMIT_MAX: '10000',
    AUTH_LOCKOUT_MAX_FAILURES: String(LOCK_AFTER),
  })
})

afterAll(async () => {
  await harness?.close()
})

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

function post(path: string, headers: Record<string, string>, json: unknown) {
  return harness.request(path, { method: 'POST', headers, json })
}

/** The person's session rows, oldest first. */
async function sessionsOf(person: Person) {
  const rows = await harness.taskwise.db
    .select()
    .from(schema.session)
    .where(eq(schema.session.userId, person.id))
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
}

function setSession(id: string, values: Partial<typeof schema.session.$inferInsert>) {
  return harness.taskwise.db.update(schema.session).set(values).where(eq(schema.session.id, id))
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000)

describe('GET /api/auth/sessions', () => {
  test('this device first, then the most recently active; an expired session left out', async () => {
    const person = await signUp(harness)
    await signInAgain(harness, person, PHONE)
    const laptop = await signInAgain(harness, person)
    await signInAgain(harness, person)
    const [first, phone, laptopRow, expired] = await sessionsOf(person)
    await setSession(first!.id, { updatedAt: minutesAgo(30) })
    await setSession(phone!.id, { updatedAt: minutesAgo(1), ipAddress: '' })
    await setSession(laptopRow!.id, { updatedAt: minutesAgo(60) })
    await setSession(expired!.id, { expiresAt: minutesAgo(1) })

    const response = await harness.request('/api/auth/sessions', { headers: bearer(laptop.token) })
    expect(response.status).toBe(200)
    const { items } = (await response.json()) as { items: Record<string, unknown>[] }
    expect(items.map((item) => item.id)).toEqual([laptopRow!.id, phone!.id, first!.id])
    expect(items.map((item) => item.current)).toEqual([true, false, false])
    expect(items[1]).toEqual({
      id: phone!.id,
      current: false,
      device: 'Safari on iOS',
      ip: null,
      createdAt: phone!.createdAt.toISOString(),
      lastActiveAt: expect.any(String),
    })
    const lastActive = Date.parse(String(items[1]!.lastActiveAt))
    expect(Math.abs(lastActive - minutesAgo(1).getTime())).toBeLessThan(10_000)
    expect(items[0]).toMatchObject({ device: 'Chrome on Linux', ip: expect.any(String) })
  })
})

test('GET /api/auth/sessions without credentials is a 401', async () => {
  const response = await harness.request('/api/auth/sessions')
  expect(response.status).toBe(401)
  expect(await response.json()).toMatchObject({ code: 'invalid_token' })
})

describe('ending sessions', () => {
  test('ending another device leaves this browser signed in; ending this one clears its cookies', async () => {
    const person = await signUp(harness)
    await signInAgain(harness, person)
    const [own, other] = await sessionsOf(person)
    const revoke = (id: string) =>
      post(`/api/auth/sessions/${id}/revoke`, bearer(person.token), { password: person.password })

    const otherEnded = await revoke(other!.id)
    expect(otherEnded.status).toBe(204)
    expect(otherEnded.headers.getSetCookie()).toEqual([])
    expect((await sessionsOf(person)).map((row) => row.id)).toEqual([own!.id])

    const unknown = await revoke('00000000-0000-4000-8000-000000000000')
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toMatchObject({
      code: 'not_found',
      detail: 'There is no such session.',
    })

    const ownEnded = await revoke(own!.id)
    expect(ownEnded.status).toBe(204)
    expect(ownEnded.headers.getSetCookie()).toContainEqual(
      expect.stringMatching(/^taskwise\.jwt=; Max-Age=0/),
    )
    expect(await sessionsOf(person)).toEqual([])
  })

  test('each ending is recorded in the activity list and logged, without a token', async () => {
    const person = await signUp(harness)
    await signInAgain(harness, person)
    await signInAgain(harness, person)
    await signInAgain(harness, person)
    const [, one] = await sessionsOf(person)
    const password = { password: person.password }
    expect(
      (await post(`/api/auth/sessions/${one!.id}/revoke`, bearer(person.token), password)).status,
    ).toBe(204)
    expect(
      (await post('/api/auth/sessions/revoke-others', bearer(person.token), password)).status,
    ).toBe(204)
    expect(await sessionsOf(person)).toHaveLength(1)

    const activity = await harness.request('/api/auth/activity', { headers: bearer(person.token) })
    const types = ((await activity.json()) as { items: { type: string }[] }).items.map(
      (item) => item.type,
    )
    expect(types.slice(0, 2)).toEqual(['other_sessions_revoked', 'session_revoked'])

    const mine = harness.logs.filter((record) => record.userId === person.id)
    expect(mine).toContainEqual(
      expect.objectContaining({
        msg: 'session ended',
        event: 'auth.session_revoked',
        sessionId: one!.id,
      }),
    )
    expect(mine).toContainEqual(
      expect.objectContaining({
        msg: 'other sessions ended',
        event: 'auth.other_sessions_revoked',
        count: 2,
      }),
    )
    expect(JSON.stringify(mine)).not.toContain(person.token)
  })
})

describe('the current password', () => {
  test('a wrong one is refused naming the field it came in', async () => {
    const person = await signUp(harness)
    const wrong = await post('/api/auth/sessions/revoke-others', bearer(person.token), {
      password: 'Not-The-Password-1',
    })
    expect(wrong.status).toBe(400)
    expect(await wrong.json()).toMatchObject({
      code: 'invalid_password',
      detail: 'The current password is not correct.',
      errors: [
        {
          location: 'body',
          path: 'password',
          code: 'invalid_password',
          message: 'The password is not correct',
        },
      ],
    })
    const change = await post('/api/auth/change-password', bearer(person.token), {
      currentPassword: 'Not-The-Password-1',
      newPassword: strongPassword(),
    })
    expect(await change.json()).toMatchObject({ errors: [{ path: 'currentPassword' }] })
  })

  test(`after ${LOCK_AFTER} wrong ones the account is locked; a right one forgives the misses`, async () => {
    const person = await signUp(harness)
    const attempt = (password: string) =>
      post('/api/auth/sessions/revoke-others', bearer(person.token), { password })
    for (let miss = 1; miss < LOCK_AFTER; miss += 1)
      expect((await attempt('Not-The-Password-1')).status).toBe(400)
    expect((await attempt(person.password)).status).toBe(204) // forgives the misses
    for (let miss = 1; miss <= LOCK_AFTER; miss += 1)
      expect((await attempt('Not-The-Password-1')).status).toBe(400)
    const locked = await attempt(person.password)
    expect(locked.status).toBe(429)
    expect(await locked.json()).toMatchObject({
      code: 'account_locked',
      detail: expect.stringContaining('Try again after the time given in Retry-After'),
    })
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  test('a body without the password is a 400 naming the field, and ends nothing', async () => {
    const person = await signUp(harness)
    await signInAgain(harness, person)
    const response = await post('/api/auth/sessions/revoke-others', bearer(person.token), {})
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ errors: [{ path: 'password' }] })
    expect(await sessionsOf(person)).toHaveLength(2)
  })

  test('a person with no password sign-in at all (no credential account) is refused, not a 500', async () => {
    const person = await signUp(harness)
    await harness.taskwise.db.delete(schema.account).where(eq(schema.account.userId, person.id))
    const response = await post('/api/auth/sessions/revoke-others', bearer(person.token), {
      password: person.password,
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ code: 'invalid_password' })
  })

  test('an account with no password of its own cannot re-authenticate with any', async () => {
    const person = await signUp(harness)
    await harness.taskwise.db
      .update(schema.account)
      .set({ password: null })
      .where(eq(schema.account.userId, person.id))
    const response = await post('/api/auth/sessions/revoke-others', bearer(person.token), {
      password: person.password,
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ code: 'invalid_password' })
  })
})
