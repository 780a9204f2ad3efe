import { buildApp } from '@taskwise/api/src/app'
import { loadConfig } from '@taskwise/api/src/config'
import { type JSONWebKeySet } from 'jose'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  createAccountHarness,
  linkIn,
  signInAgain,
  signUp,
  type AccountHarness,
  type Person,
} from './account-testing'
import { BASE_URL, strongPassword } from './test-harness'

// Every route that ends a session makes that session's JWTs get 401 from the api within 5 s, on
// every api instance: two instances with the default session cache serve the same database.

const SESSION_CACHE_MS = 5_000
let harness: AccountHarness
let apis: Array<Awaited<ReturnType<typeof buildApp>>>

beforeAll(async () => {
  harness = await createAccountHarness()
  const config = loadConfig({
    DATABASE_URL: harness.database.url,
    AUTH_ISSUER: BASE_URL,
    LOG_LEVEL: 'silent',
    API_SESSION_CACHE_MS: String(SESSION_CACHE_MS),
  })
  const jwksSource = async () => (await harness.taskwise.auth.api.getJwks()) as JSONWebKeySet
  apis = await Promise.all([buildApp({ config, jwksSource }), buildApp({ config, jwksSource })])
  await Promise.all(apis.map((api) => api.ready()))
})

afterAll(async () => {
  await Promise.all((apis ?? []).map((api) => api.close()))
  await harness?.close()
})

async function statusesFor(userId: string, token: string): Promise<number[]> {
  return Promise.all(
    apis.map(
      async (api) =>
        (
          await api.inject({
            method: 'GET',
            url: `/api/${userId}/tasks`,
            headers: { authorization: `Bearer ${token}` },
          })
        ).statusCode,
    ),
  )
}

/** Milliseconds until every instance answers 401 to `token`; fails past the cache's lifetime. */
async function untilRefused(userId: string, token: string): Promise<number> {
  const started = Date.now()
  while (Date.now() - started < SESSION_CACHE_MS + 1_500) {
    if ((await statusesFor(userId, token)).every((status) => status === 401)) {
      return Date.now() - started
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('the token still works after the session ended')
}

async function warmed(person: Person, token: string): Promise<void> {
  // Each instance has now cached "this session is active".
  expect(await statusesFor(person.id, token)).toEqual([200, 200])
}

function post(path: string, headers: Record<string, string>, json: unknown) {
  return harness.request(path, { method: 'POST', headers, json })
}

describe('a JWT stops working on every api instance within 5 s after', () => {
  test('a password reset', async () => {
    const person = await signUp(harness)
    await warmed(person, person.token)
    await harness.request('/api/auth/forgot-password', { json: { email: person.email } })
    const link = linkIn(await harness.mailTo(person.email, /reset/i), `${BASE_URL}/reset-password`)
    await harness.request('/api/auth/reset-password', {
      json: { token: link.searchParams.get('token'), password: strongPassword() },
    })
    expect(await untilRefused(person.id, person.token)).toBeLessThanOrEqual(SESSION_CACHE_MS + 500)
  })

  test('a change of password (other sessions)', async () => {
    const person = await signUp(harness)
    const other = await signInAgain(harness, person)
    await warmed(person, other.token)
    await post('/api/auth/change-password', person.browser, {
      currentPassword: person.password,
      newPassword: strongPassword(),
    })
    expect(await untilRefused(person.id, other.token)).toBeLessThanOrEqual(SESSION_CACHE_MS + 500)
  })

  test('ending one session, and ending all others', async () => {
    const person = await signUp(harness)
    const [one, two] = [await signInAgain(harness, person), await signInAgain(harness, person)]
    await warmed(person, one.token)
    await warmed(person, two.token)
    await post('/api/auth/logout', { authorization: `Bearer ${one.token}` }, {})
    const { items } = (await (
      await harness.request('/api/auth/sessions', { headers: person.browser })
    ).json()) as { items: Array<{ id: string; current: boolean }> }
    const target = items.find((item) => !item.current)?.id
    await post(`/api/auth/sessions/${target}/revoke`, person.browser, { password: person.password })
    expect(await untilRefused(person.id, two.token)).toBeLessThanOrEqual(SESSION_CACHE_MS + 500)
    const three = await signInAgain(harness, person)
    await warmed(person, three.token)
    await post('/api/auth/sessions/revoke-others', person.browser, { password: person.password })
    expect(await untilRefused(person.id, three.token)).toBeLessThanOrEqual(SESSION_CACHE_MS + 500)
    expect(await statusesFor(person.id, person.token)).toEqual([200, 200])
  })

  test('deleting the account', async () => {
    const person = await signUp(harness)
    await warmed(person, person.token)
    await post('/api/auth/delete-account', person.browser, { password: person.password })
    expect(await untilRefused(person.id, person.token)).toBeLessThanOrEqual(SESSION_CACHE_MS + 500)
  })
})
