import { schema } from '@taskwise/db/client'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createAccountHarness, signUp, type AccountHarness, type Person } from './account-testing'
import { BASE_URL } from './test-harness'

// Passkeys around Better Auth's plugin: the contract routes (list, rename, remove, the start of
// adding one), the native routes that stay closed, and what its open routes refuse. The
// ceremonies themselves run in Chromium with a virtual authenticator (e2e/tests/passkeys.spec.ts).

let harness: AccountHarness

beforeAll(async () => {
  harness = await createAccountHarness()
})

afterAll(async () => {
  await harness?.close()
})

/** A passkey row as the plugin would store it after a registration. */
async function storedPasskey(person: Person, name: string | null = null) {
  const [row] = await harness.taskwise.db
    .insert(schema.passkey)
    .values({
      userId: person.id,
      name,
      publicKey: 'cHVibGljLWtleQ',
      credentialID: `credential-${Math.random().toString(36).slice(2)}`,
      counter: 0,
      deviceType: 'multiDevice',
      backedUp: true,
      transports: 'internal',
      createdAt: new Date(),
      aaguid: 'bada5566-a7aa-401f-bd96-45619a55120d',
    })
    .returning()
  if (!row) throw new Error('no passkey row')
  return row
}

describe('the passkey list', () => {
  test('lists only the person’s own, without keys; renames and removes them', async () => {
    const person = await signUp(harness)
    const other = await signUp(harness)
    const row = await storedPasskey(person)
    const theirs = await storedPasskey(other, 'Theirs')

    const list = await harness.request('/api/auth/passkeys', { headers: person.browser })
    expect(list.status).toBe(200)
    expect(await list.json()).toEqual({
      items: [
        {
          id: row.id,
          name: null,
          provider: '1Password',
          backedUp: true,
          createdAt: expect.any(String),
        },
      ],
    })

    const rename = (id: string, json: unknown) =>
      harness.request(`/api/auth/passkeys/${id}/rename`, { headers: person.browser, json })
    const renamed = await rename(row.id, { name: '  Work laptop ' })
    expect(renamed.status).toBe(200)
    expect(await renamed.json()).toMatchObject({ id: row.id, name: 'Work laptop' })
    expect((await rename(theirs.id, { name: 'Mine now' })).status).toBe(404)
    expect((await rename('not-a-uuid', { name: 'x' })).status).toBe(404)
    const empty = await rename(row.id, { name: '   ' })
    expect(empty.status).toBe(400)
    expect(await empty.json()).toMatchObject({ errors: [{ path: 'name' }] })

    const remove = (id: string, password: string) =>
      harness.request(`/api/auth/passkeys/${id}/remove`, {
        headers: person.browser,
        json: { password },
      })
    expect((await remove(row.id, 'Not-the-password-1!')).status).toBe(400)
    expect((await remove(theirs.id, person.password)).status).toBe(404)
    expect((await remove(row.id, person.password)).status).toBe(204)
    const after = await harness.request('/api/auth/passkeys', { headers: person.browser })
    expect(await after.json()).toEqual({ items: [] })
    const still = await harness.taskwise.db
      .select()
      .from(schema.passkey)
      .where(eq(schema.passkey.id, theirs.id))
    expect(still).toHaveLength(1)

    const mail = await harness.mailTo(person.email, /passkey was removed/i)
    expect(mail.text).toMatch(/if it wasn't you/i)
    const activity = await harness.request('/api/auth/activity', { headers: person.browser })
    const types = ((await activity.json()) as { items: { type: string }[] }).items.map(
      (item) => item.type,
    )
    expect(types[0]).toBe('passkey_removed')
  })
})

describe('adding a passkey', () => {
  test('starts with the password, and asks for a discoverable passkey that verifies its user on this site', async () => {
    const person = await signUp(harness)
    const wrong = await harness.request('/api/auth/passkeys/register-options', {
      headers: person.browser,
      json: { password: 'Not-the-password-1!' },
    })
    expect(wrong.status).toBe(400)
    expect(await wrong.json()).toMatchObject({ code: 'invalid_password' })

    const started = await harness.request('/api/auth/passkeys/register-options', {
      headers: person.browser,
      json: { password: person.password },
    })
    expect(started.status).toBe(200)
    expect(await started.json()).toMatchObject({
      challenge: expect.any(String),
      rp: { id: 'localhost', name: 'Taskwise' },
      user: { name: person.email },
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    })
    expect(started.headers.getSetCookie().join('\n')).toMatch(/taskwise\.better-auth-passkey=/)
  })

  test('a program with only a token cannot start it', async () => {
    const person = await signUp(harness)
    const response = await harness.request('/api/auth/passkeys/register-options', {
      headers: { authorization: `Bearer ${person.token}` },
      json: { password: person.password },
    })
    expect(response.status).toBe(401)
  })
})

describe('Better Auth’s passkey routes', () => {
  test('the ones Taskwise wraps are closed from outside', async () => {
    const person = await signUp(harness)
    const closed = [
      ['GET', '/api/auth/passkey/generate-register-options'],
      ['GET', '/api/auth/passkey/list-user-passkeys'],
      ['POST', '/api/auth/passkey/delete-passkey'],
      ['POST', '/api/auth/passkey/update-passkey'],
    ] as const
    for (const [method, path] of closed) {
      const response = await harness.request(path, {
        method,
        headers: person.browser,
        ...(method === 'POST' ? { json: { id: 'x', name: 'y' } } : {}),
      })
      expect(response.status, path).toBe(404)
    }
  })

  test('a sign-in starts from outside: the options, which require user verification, and the cookie that holds their challenge', async () => {
    const started = await harness.request('/api/auth/passkey/generate-authenticate-options')
    expect(started.status).toBe(200)
    expect(await started.json()).toMatchObject({
      challenge: expect.any(String),
      rpId: 'localhost',
      userVerification: 'required',
    })
    expect(started.headers.getSetCookie().join('\n')).toMatch(/taskwise\.better-auth-passkey=/)
  })

  test('a registration never starts a session, and an assertion without its challenge signs no one in', async () => {
    const person = await signUp(harness)
    const registration = await harness.request('/api/auth/passkey/verify-registration', {
      headers: person.browser,
      json: { response: {}, createSession: true },
    })
    expect(registration.status).toBe(400)

    const assertion = await harness.request('/api/auth/passkey/verify-authentication', {
      headers: { origin: BASE_URL },
      json: { response: { id: 'made-up', response: {} } },
    })
    expect(assertion.status).toBe(400)
    expect(assertion.headers.getSetCookie().join('\n')).not.toMatch(/session_token=[^;]/)
  })
})
