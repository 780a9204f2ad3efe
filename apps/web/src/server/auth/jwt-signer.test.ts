import { JWT_AUDIENCE } from '@taskwise/contracts/auth'
import { schema } from '@taskwise/db/client'
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose'
import { afterEach, expect, test, vi } from 'vitest'
import { SIGNING_KEY_TTL_MS } from './jwt-signer'
import { BASE_URL, strongPassword, uniqueEmail, useAuthHarness } from './test-harness'

/**
 * The signing key is resolved once a minute, not on every sign-in (docs/decisions/0320): what a
 * change of the key table means for the tokens that sign-ins hand out.
 */

const harness = useAuthHarness()

afterEach(() => {
  vi.useRealTimers()
})

async function registered() {
  const account = { email: uniqueEmail('signer'), password: strongPassword() }
  expect((await harness.request('/api/auth/register', { json: account })).status).toBe(201)
  return account
}

async function signIn(account: { email: string; password: string }): Promise<string> {
  const response = await harness.request('/api/auth/login', { json: account })
  expect(response.status).toBe(200)
  return ((await response.json()) as { token: string }).token
}

/**
 * The tests' clock only moves forward (a key cached at a later time by one test must not look
 * fresh to the next): Date is faked from the latest time seen.
 */
let clock = Date.now()
function startTheClock() {
  clock = Math.max(clock, Date.now())
  vi.useFakeTimers({ toFake: ['Date'], now: clock })
}
function movePastTheCachedKey() {
  clock = Math.max(clock, Date.now()) + SIGNING_KEY_TTL_MS + 1_000
  vi.setSystemTime(clock)
}

const kidOf = (token: string) => decodeProtectedHeader(token).kid

async function publishedKeys(): Promise<JSONWebKeySet> {
  return (await (await harness.request('/api/auth/jwks')).json()) as JSONWebKeySet
}

test('a replaced signing key is used for new tokens after at most a minute, and they verify', async () => {
  startTheClock()
  const account = await registered()
  const before = kidOf(await signIn(account))
  expect(before).toEqual(expect.any(String))

  // The keys are replaced (the table emptied: the next lookup mints a new one).
  await harness.taskwise.db.delete(schema.jwks)
  expect(kidOf(await signIn(account))).toBe(before)

  movePastTheCachedKey()
  const token = await signIn(account)
  const after = kidOf(token)
  expect(after).not.toBe(before)
  const keys = await publishedKeys()
  expect(keys.keys.map((key) => key.kid)).toEqual([after])
  const { payload } = await jwtVerify(token, createLocalJWKSet(keys), {
    algorithms: ['EdDSA'],
    issuer: BASE_URL,
    audience: JWT_AUDIENCE,
  })
  expect(payload.email).toBe(account.email)
})

test('sign-ins that arrive together share one key lookup: an empty key table gets one key, not one each', async () => {
  startTheClock()
  const accounts = await Promise.all(Array.from({ length: 8 }, registered))
  await harness.taskwise.db.delete(schema.jwks)
  movePastTheCachedKey()

  const tokens = await Promise.all(accounts.map(signIn))
  const kids = new Set(tokens.map(kidOf))
  expect(kids.size).toBe(1)
  const rows = await harness.taskwise.db.select({ id: schema.jwks.id }).from(schema.jwks)
  expect(rows.map((row) => row.id)).toEqual([...kids])
})
