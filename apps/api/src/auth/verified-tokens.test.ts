import { randomUUID } from 'node:crypto'
import { InvalidTokenError } from '@taskwise/contracts/access-token'
import { JWT_ALGORITHM, JWT_AUDIENCE } from '@taskwise/contracts/auth'
import { session } from '@taskwise/db/schema/auth'
import { eq } from 'drizzle-orm'
import type { LightMyRequestResponse } from 'fastify'
import { SignJWT, type JSONWebKeySet, type JWTPayload } from 'jose'
import { afterEach, describe, expect, test, vi } from 'vitest'
import {
  bearer,
  createSigningKey,
  createTestApi,
  type SigningKey,
  type TestApi,
  type TestApiOptions,
  type TestUser,
} from '../testing/harness'
import { createKeyStore, type KeyStore } from './key-store'
import { createTokenVerifier } from './verified-tokens'

const ISSUER = 'http://taskwise.test'
const seconds = () => Math.floor(Date.now() / 1000)

async function tokenFor(key: SigningKey, claims: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT({
    sub: randomUUID(),
    sid: randomUUID(),
    iss: ISSUER,
    aud: JWT_AUDIENCE,
    iat: seconds(),
    exp: seconds() + 3600,
    ...claims,
  } as JWTPayload)
    .setProtectedHeader({ alg: JWT_ALGORITHM, kid: key.kid, typ: 'JWT' })
    .sign(key.privateKey)
}

/** A real key store over a key set the test changes, counting the keys it is asked for. */
async function verifierOver(options: { maxAgeMs?: number; maxEntries?: number } = {}) {
  const key = await createSigningKey()
  const jwks: JSONWebKeySet = { keys: [key.publicJwk] }
  const store = createKeyStore({
    source: async () => structuredClone(jwks),
    maxAgeMs: options.maxAgeMs,
    cooldownMs: 0,
  })
  let keyLookups = 0
  const counted: KeyStore = {
    ...store,
    getKey: (header, token) => {
      keyLookups += 1
      return store.getKey(header, token)
    },
  }
  const verifier = createTokenVerifier({
    keyStore: counted,
    issuer: ISSUER,
    maxEntries: options.maxEntries,
  })
  return { key, jwks, store, verifier, keyLookups: () => keyLookups }
}

const refused = (promise: Promise<unknown>) =>
  expect(promise).rejects.toBeInstanceOf(InvalidTokenError)

afterEach(() => {
  vi.useRealTimers()
})

describe('the cache of verified tokens', () => {
  test('a token seen before is answered without checking its signature again', async () => {
    const { key, verifier, keyLookups } = await verifierOver()
    const token = await tokenFor(key, { email: 'ada@example.com' })
    const first = await verifier.verify(token) // loads the key set
    expect(await verifier.verify(token)).toEqual(first)
    const lookups = keyLookups()
    expect(await verifier.verify(token)).toEqual(first)
    expect(first.email).toBe('ada@example.com')
    expect(keyLookups()).toBe(lookups)
  })

  test('a remembered token is refused once fresh verification would refuse it (past exp and the tolerance)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const { key, verifier, keyLookups } = await verifierOver()
    const token = await tokenFor(key, { exp: seconds() + 10 })
    await verifier.verify(token)
    await verifier.verify(token)
    expect(verifier.size()).toBe(1)
    const lookups = keyLookups()
    // Past exp but within the 60 s tolerance: checked afresh (not from the cache), still valid.
    vi.setSystemTime(Date.now() + 30_000)
    await verifier.verify(token)
    expect(keyLookups()).toBe(lookups + 1)
    vi.setSystemTime(Date.now() + 41_000)
    await refused(verifier.verify(token))
  })

  test('a token signed by a key that left the key set is refused once the set is fetched again', async () => {
    const { key, jwks, verifier, store } = await verifierOver()
    const token = await tokenFor(key)
    await verifier.verify(token)
    await verifier.verify(token)
    expect(verifier.size()).toBe(1)
    // The web app rotates: the new key replaces the old one. Its first token has an unknown kid,
    // which makes the store fetch the set again.
    const rotated = await createSigningKey()
    jwks.keys = [rotated.publicJwk]
    expect((await verifier.verify(await tokenFor(rotated))).userId).toMatch(/^[0-9a-f-]{36}$/)
    expect(store.generation()).toBe(2)
    await refused(verifier.verify(token))
  })

  test('a fetch that brings the same keys keeps the remembered tokens', async () => {
    const { key, verifier, store, keyLookups } = await verifierOver({ maxAgeMs: 0 })
    const token = await tokenFor(key)
    await verifier.verify(token)
    await verifier.verify(token)
    const fetches = store.fetchCount()
    const lookups = keyLookups()
    // Each call starts a refresh once the last one is done and a millisecond has passed.
    await vi.waitFor(async () => {
      await verifier.verify(token)
      expect(store.fetchCount()).toBeGreaterThan(fetches + 1)
    })
    await verifier.verify(token)
    expect(store.generation()).toBe(1)
    expect(keyLookups()).toBe(lookups)
  })

  test('the key set is still refreshed when every token is remembered', async () => {
    const { key, verifier, store, keyLookups } = await verifierOver({ maxAgeMs: 0 })
    const token = await tokenFor(key)
    await verifier.verify(token)
    await verifier.verify(token)
    const lookups = keyLookups()
    for (let i = 0; i < 3; i += 1) {
      const fetches = store.fetchCount()
      await vi.waitFor(async () => {
        await verifier.verify(token)
        expect(store.fetchCount()).toBeGreaterThan(fetches)
      })
    }
    expect(keyLookups()).toBe(lookups)
  })

  test('refused tokens are never remembered, and a forged variant of a remembered one is refused', async () => {
    const { key, verifier } = await verifierOver()
    const token = await tokenFor(key)
    await verifier.verify(token)
    await verifier.verify(token)
    const [header, payload] = token.split('.') as [string, string]
    const stranger = await createSigningKey(key.kid as ReturnType<typeof randomUUID>)
    const forged = `${header}.${payload}.${(await tokenFor(stranger)).split('.')[2]}`
    await refused(verifier.verify(forged))
    await refused(verifier.verify(forged))
    const otherPayload = (await tokenFor(key)).split('.')[1]
    await refused(verifier.verify(`${header}.${otherPayload}.${token.split('.')[2]}`))
    expect(verifier.size()).toBe(1)
  })

  test('holds at most maxEntries tokens, forgetting the oldest first', async () => {
    const { key, verifier, keyLookups } = await verifierOver({ maxEntries: 2 })
    const [first, a, b, c] = await Promise.all([1, 2, 3, 4].map(() => tokenFor(key)))
    // The first check loads the key set, so its token is not remembered (see above): the next
    // four are, two at a time.
    for (const token of [first, a, b, c] as string[]) await verifier.verify(token)
    expect(verifier.size()).toBe(2)
    const lookups = keyLookups()
    await verifier.verify(c as string)
    await verifier.verify(b as string)
    expect(keyLookups()).toBe(lookups)
    await verifier.verify(a as string)
    expect(keyLookups()).toBe(lookups + 1)
  })
})

/** A test api with a signed-up user: `run` gets the api, the user, and their task list. */
async function withAlice(
  options: TestApiOptions,
  run: (
    api: TestApi,
    alice: TestUser,
    list: () => Promise<LightMyRequestResponse>,
  ) => Promise<void>,
) {
  const api = await createTestApi(options)
  try {
    const alice = await api.createUser()
    const list = () =>
      api.app.inject({ method: 'GET', url: `/api/${alice.id}/tasks`, headers: bearer(alice.token) })
    await run(api, alice, list)
  } finally {
    await api.close()
  }
}

describe('the api with remembered tokens', () => {
  test('a remembered token of a signed-out session gets 401', async () => {
    await withAlice({}, async (api, alice, list) => {
      expect((await list()).statusCode).toBe(200)
      expect((await list()).statusCode).toBe(200)
      await api.db.delete(session).where(eq(session.id, alice.sessionId))
      const response = await list()
      expect(response.statusCode).toBe(401)
      expect(response.json()).toMatchObject({
        code: 'invalid_token',
        detail: 'The session of this token has ended; sign in again.',
      })
    })
  })

  test('a remembered token whose key the web app removed gets 401 once the keys are fetched again', async () => {
    await withAlice({ jwksMaxAgeMs: 0 }, async (api, _alice, list) => {
      expect((await list()).statusCode).toBe(200)
      expect((await list()).statusCode).toBe(200)
      api.jwks.keys = [(await createSigningKey()).publicJwk]
      // The first request after the change starts the refresh (and may still be served from the
      // old set, as without the cache); the refusal follows as soon as the new set is in.
      await vi.waitFor(async () => {
        const response = await list()
        expect(response.statusCode).toBe(401)
        expect(response.json()).toMatchObject({
          code: 'invalid_token',
          detail: 'The token is invalid or has expired.',
        })
      })
    })
  })
})
