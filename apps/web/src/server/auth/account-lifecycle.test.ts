import { schema } from '@taskwise/db/client'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { emailDigest } from './identity'
import {
  createAccountHarness,
  linkIn,
  meStatus,
  signInAgain,
  signUp,
  type AccountHarness,
} from './account-testing'
import { BASE_URL, uniqueEmail } from './test-harness'

// Change of email, deletion of the account, and the activity list.

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

async function emailOf(userId: string): Promise<string | undefined> {
  const [row] = await harness.taskwise.db
    .select({ email: schema.user.email })
    .from(schema.user)
    .where(eq(schema.user.id, userId))
  return row?.email
}

describe('change-email', () => {
  test('needs the password, changes only when the mailed link is opened, once, and tells the old address', async () => {
    const person = await signUp(harness)
    const newEmail = uniqueEmail('moved')
    const wrong = await post('/api/auth/change-email', person.browser, {
      newEmail,
      password: 'Not-the-password-1!',
    })
    expect(wrong.status).toBe(400)
    expect(await wrong.json()).toMatchObject({ code: 'invalid_password' })

    const asked = await post('/api/auth/change-email', person.browser, {
      newEmail: newEmail.toUpperCase(),
      password: person.password,
    })
    expect(asked.status).toBe(202)
    expect(await emailOf(person.id)).toBe(person.email)
    const notice = await harness.mailTo(person.email, /change/i)
    expect(notice.text).toMatch(/if (this|it) was(n['’]t| not) you/i)

    const link = linkIn(await harness.mailTo(newEmail, /confirm/i), `${BASE_URL}/confirm-email`)
    const token = link.searchParams.get('token') ?? ''
    expect(token.length).toBeGreaterThanOrEqual(43)
    const confirmed = await harness.request('/api/auth/change-email/confirm', { json: { token } })
    expect(confirmed.status).toBe(200)
    expect(await confirmed.json()).toMatchObject({ user: { id: person.id, email: newEmail } })
    expect(await emailOf(person.id)).toBe(newEmail)
    // The new address, masked: enough to recognise it, not enough to hand it on.
    expect((await harness.mailTo(person.email, /email address was changed/i)).text).toContain(
      `${newEmail.slice(0, 1)}…@example.com`,
    )

    const again = await harness.request('/api/auth/change-email/confirm', { json: { token } })
    expect(again.status).toBe(400)
    expect(await again.json()).toMatchObject({ code: 'email_token_invalid' })
    const signIn = await harness.request('/api/auth/login', {
      json: { email: newEmail, password: person.password },
    })
    expect(signIn.status).toBe(200)
  })

  test('asking for the address already in use is same_email; a taken address gets a mail instead of a link', async () => {
    const person = await signUp(harness)
    const same = await post('/api/auth/change-email', person.browser, {
      newEmail: person.email,
      password: person.password,
    })
    expect(await same.json()).toMatchObject({ code: 'same_email', errors: [{ path: 'newEmail' }] })

    const owner = await signUp(harness)
    const free = uniqueEmail('free')
    const toTaken = await post('/api/auth/change-email', person.browser, {
      newEmail: owner.email,
      password: person.password,
    })
    const toFree = await post('/api/auth/change-email', person.browser, {
      newEmail: free,
      password: person.password,
    })
    expect(toTaken.status).toBe(202)
    expect(await toTaken.json()).toEqual(await toFree.json())
    const warning = await harness.mailTo(owner.email)
    expect(warning.text).not.toContain('/confirm-email')
    expect(await emailOf(owner.id)).toBe(owner.email)
  })
})

describe('delete-account', () => {
  test('a wrong password deletes nothing', async () => {
    const person = await signUp(harness)
    const response = await post('/api/auth/delete-account', person.browser, {
      password: 'Not-the-password-1!',
    })
    expect(response.status).toBe(400)
    expect(await emailOf(person.id)).toBe(person.email)
  })

  test('removes the person from every table, clears the cookies, says goodbye, and frees the address', async () => {
    const person = await signUp(harness)
    const other = await signInAgain(harness, person)
    const { db } = harness.taskwise
    await db.insert(schema.task).values({ userId: person.id, title: 'Water the plants' })
    await harness.request('/api/auth/forgot-password', { json: { email: person.email } })
    await harness.mailTo(person.email, /reset/i)
    await post('/api/auth/change-email', person.browser, {
      newEmail: uniqueEmail('pending'),
      password: person.password,
    })
    await harness.request('/api/auth/login', {
      json: { email: person.email, password: 'Not-the-password-1!' },
    })

    const response = await post('/api/auth/delete-account', person.browser, {
      password: person.password,
    })
    expect(response.status).toBe(204)
    const cleared = response.headers.getSetCookie()
    expect(
      cleared.some((c) => c.startsWith('taskwise.session_token=;') && /Max-Age=0/.test(c)),
    ).toBe(true)
    expect(cleared.some((c) => c.startsWith('taskwise.jwt=;') && /Max-Age=0/.test(c))).toBe(true)

    const count = async (table: string, where: ReturnType<typeof sql>) =>
      Number(
        (
          await db.execute<{ n: string }>(
            sql`select count(*) as n from ${sql.identifier(table)} where ${where}`,
          )
        ).rows[0]?.n,
      )
    const id = person.id
    expect(await count('user', sql`id = ${id}`)).toBe(0)
    for (const table of ['session', 'account', 'task', 'auth_activity']) {
      expect(await count(table, sql`user_id = ${id}`), table).toBe(0)
    }
    expect(await count('verification', sql`value like ${`%${id}%`}`)).toBe(0)
    const digest = emailDigest(harness.taskwise.config.secret, person.email)
    expect(await count('sign_in_throttle', sql`key like ${`%${digest}`}`)).toBe(0)

    expect(await meStatus(harness, other.browser)).toBe(401)
    expect(await meStatus(harness, { token: person.token })).toBe(401)
    expect((await harness.mailTo(person.email, /deleted/i)).text).toContain('Taskwise')
    const again = await harness.request('/api/auth/register', {
      json: { email: person.email, password: person.password },
    })
    expect(again.status).toBe(201)
  })
})

describe('activity', () => {
  test('records sign-ups, sign-ins and failures, sign-outs and changes, newest first, for 90 days', async () => {
    const person = await signUp(harness)
    await harness.request('/api/auth/login', {
      json: { email: person.email, password: 'Not-the-password-1!' },
      headers: { 'user-agent': 'taskwise-cli/1.0' },
    })
    const other = await signInAgain(harness, person)
    await harness.request('/api/auth/logout', { method: 'POST', headers: other.browser })
    await post('/api/auth/sessions/revoke-others', person.browser, { password: person.password })
    await harness.taskwise.db.insert(schema.authActivity).values({
      userId: person.id,
      type: 'sign_in',
      createdAt: sql`now() - interval '91 days'`,
    })

    const response = await harness.request('/api/auth/activity', {
      headers: { authorization: `Bearer ${person.token}` },
    })
    expect(response.status).toBe(200)
    const { items } = (await response.json()) as {
      items: Array<{ type: string; at: string; device: string }>
    }
    expect(items.map((item) => item.type)).toEqual([
      'other_sessions_revoked',
      'sign_out',
      'sign_in',
      'sign_in_failed',
      'sign_up',
    ])
    expect(items[3]?.device).toBe('taskwise-cli/1.0')
    const times = items.map((item) => Date.parse(item.at))
    expect([...times].sort((a, b) => b - a)).toEqual(times)
  })

  test('is 401 without credentials, and shows nobody else’s events', async () => {
    expect((await harness.request('/api/auth/activity')).status).toBe(401)
    const person = await signUp(harness)
    const stranger = await signUp(harness)
    await harness.request('/api/auth/login', {
      json: { email: stranger.email, password: 'Not-the-password-1!' },
    })
    const { items } = (await (
      await harness.request('/api/auth/activity', { headers: person.browser })
    ).json()) as { items: unknown[] }
    expect(items).toHaveLength(1)
  })
})
