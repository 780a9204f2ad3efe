import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { KeysUnavailableError } from '@taskwise/contracts/access-token'
import type { JSONWebKeySet } from 'jose'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  bearer,
  createSigningKey,
  createTestApi,
  type TestApi,
  type TestUser,
} from '../testing/harness'
import { createKeyStore, httpJwksSource } from './key-store'

async function listStatus(api: TestApi, user: TestUser, token = user.token) {
  const response = await api.app.inject({
    method: 'GET',
    url: `/api/${user.id}/tasks`,
    headers: bearer(token),
  })
  return response
}

describe('the cached key set', () => {
  let api: TestApi
  let alice: TestUser

  beforeAll(async () => {
    api = await createTestApi({ jwksCooldownMs: 60_000 })
    alice = await api.createUser()
  })
  afterAll(async () => {
    await api?.close()
  })

  test('is fetched once for many requests', async () => {
    const before = api.jwksFetches()
    const responses = await Promise.all(Array.from({ length: 20 }, () => listStatus(api, alice)))
    expect(responses.every((response) => response.statusCode === 200)).toBe(true)
    expect(api.jwksFetches() - before).toBeLessThanOrEqual(1)
    expect(api.jwksFetches()).toBe(1)
  })

  test('a flood of unknown kids causes at most one refetch per cool-down, and each is a 401', async () => {
    const before = api.jwksFetches()
    for (let index = 0; index < 10; index += 1) {
      const stranger = await createSigningKey()
      const response = await listStatus(api, alice, await api.sign(alice, { key: stranger }))
      expect(response.statusCode).toBe(401)
    }
    expect(api.jwksFetches() - before).toBeLessThanOrEqual(1)
  })
})

describe('key rotation', () => {
  test('a token signed with a key the web app just added is accepted after one refetch', async () => {
    const api = await createTestApi({ jwksCooldownMs: 0 })
    try {
      const alice = await api.createUser()
      expect((await listStatus(api, alice)).statusCode).toBe(200)
      const rotated = await createSigningKey()
      api.jwks.keys.push(rotated.publicJwk)
      const token = await api.sign(alice, { key: rotated })
      expect((await listStatus(api, alice, token)).statusCode).toBe(200)
      expect(api.jwksFetches()).toBe(2)
      // Both keys now verify, with no further fetch.
      expect((await listStatus(api, alice)).statusCode).toBe(200)
      expect(api.jwksFetches()).toBe(2)
    } finally {
      await api.close()
    }
  })
})

describe('when the JWKS endpoint fails', () => {
  test('requests whose key is cached keep working, even with a stale cache', async () => {
    const api = await createTestApi({ failJwksFromCall: 2, jwksMaxAgeMs: 0, jwksCooldownMs: 0 })
    try {
      const alice = await api.createUser()
      expect((await listStatus(api, alice)).statusCode).toBe(200)
      for (let index = 0; index < 5; index += 1) {
        expect((await listStatus(api, alice)).statusCode).toBe(200)
      }
      expect(api.jwksFetches()).toBeGreaterThan(1) // it did try, and failed
      // An unknown kid is still a 401, not a 500.
      const stranger = await createSigningKey()
      const response = await listStatus(api, alice, await api.sign(alice, { key: stranger }))
      expect(response.statusCode).toBe(401)
    } finally {
      await api.close()
    }
  })

  test('before any key has ever loaded, a request is a 503 with Retry-After, not a 401 or 500', async () => {
    const api = await createTestApi({ failJwksFromCall: 1 })
    try {
      const alice = await api.createUser()
      const response = await listStatus(api, alice)
      expect(response.statusCode).toBe(503)
      expect(response.headers['retry-after']).toBe('5')
      expect(response.json()).toMatchObject({ code: 'auth_unavailable' })
    } finally {
      await api.close()
    }
  })
})

describe('createKeyStore', () => {
  test('waits out the cool-down before refetching for an unknown kid', async () => {
    let clock = 0
    let fetches = 0
    const known = await createSigningKey()
    const store = createKeyStore({
      source: async () => {
        fetches += 1
        return { keys: [known.publicJwk] }
      },
      cooldownMs: 1_000,
      now: () => clock,
    })
    await store.getKey({ alg: 'EdDSA', kid: known.kid }, { payload: '', signature: '' })
    expect(fetches).toBe(1)
    const unknown = { alg: 'EdDSA', kid: 'nope' }
    await expect(store.getKey(unknown, { payload: '', signature: '' })).rejects.toThrow()
    expect(fetches).toBe(1)
    clock = 1_001
    await expect(store.getKey(unknown, { payload: '', signature: '' })).rejects.toThrow()
    expect(fetches).toBe(2)
  })
})

describe('httpJwksSource', () => {
  let server: Server
  let baseUrl: string
  let jwks: JSONWebKeySet
  let alice: TestUser | undefined

  beforeAll(async () => {
    const key = await createSigningKey()
    jwks = { keys: [key.publicJwk] }
    server = createServer((request, response) => {
      if (request.url === '/api/auth/jwks') {
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks))
      } else if (request.url === '/broken') {
        response.writeHead(500).end('oops')
      } else {
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"not":"a key set"}')
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
  })

  test('reads the key set from the web app endpoint', async () => {
    expect(await httpJwksSource(`${baseUrl}/api/auth/jwks`)()).toEqual(jwks)
  })

  test('refuses an error status or something that is not a key set', async () => {
    await expect(httpJwksSource(`${baseUrl}/broken`)()).rejects.toThrow(/500/)
    await expect(httpJwksSource(`${baseUrl}/other`)()).rejects.toThrow(/JSON Web Key Set/)
  })

  test('an app pointed at AUTH_JWKS_URL verifies tokens signed with the served keys', async () => {
    const key = await createSigningKey()
    jwks.keys.push(key.publicJwk)
    const api = await createTestApi({
      env: { AUTH_JWKS_URL: `${baseUrl}/api/auth/jwks` },
      jwksSource: undefined,
    })
    try {
      alice = await api.createUser()
      const token = await api.sign(alice, { key })
      expect((await listStatus(api, alice, token)).statusCode).toBe(200)
    } finally {
      await api.close()
    }
  })
})

describe('createKeyStore, on a clock the test moves', () => {
  const token = { payload: '', signature: '' }

  async function storeOnClock(options: { maxAgeMs?: number; cooldownMs?: number } = {}) {
    const clock = { time: 0 }
    const known = await createSigningKey()
    const store = createKeyStore({
      source: async () => ({ keys: [known.publicJwk] }),
      now: () => clock.time,
      ...options,
    })
    const getKnown = () => store.getKey({ alg: 'EdDSA', kid: known.kid }, token)
    return { clock, store, getKnown }
  }

  test('refreshes in the background once the set is older than ten minutes, not at ten', async () => {
    const { clock, store, getKnown } = await storeOnClock()
    await getKnown()
    expect(store.fetchCount()).toBe(1)
    clock.time = 10 * 60_000
    await getKnown()
    expect(store.fetchCount()).toBe(1)
    clock.time = 10 * 60_000 + 1
    await getKnown()
    expect(store.fetchCount()).toBe(2)
  })

  test('an unknown kid may refetch again exactly cooldownMs after the last fetch', async () => {
    const { clock, store, getKnown } = await storeOnClock({ cooldownMs: 1_000 })
    await getKnown()
    const unknown = { alg: 'EdDSA', kid: 'rotated-in' }
    clock.time = 999
    await expect(store.getKey(unknown, token)).rejects.toThrow()
    expect(store.fetchCount()).toBe(1)
    clock.time = 1_000
    await expect(store.getKey(unknown, token)).rejects.toThrow()
    expect(store.fetchCount()).toBe(2)
  })

  test('when the set has never loaded, getKey fails with KeysUnavailableError and the cause', async () => {
    const failure = new TypeError('fetch failed')
    const reported: unknown[] = []
    const store = createKeyStore({
      source: async () => {
        throw failure
      },
      onFetchError: (error) => reported.push(error),
    })
    const error = await Promise.resolve(store.getKey({ alg: 'EdDSA', kid: 'k' }, token)).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(KeysUnavailableError)
    expect(error).toMatchObject({
      message: 'The signing keys could not be fetched',
      cause: failure,
    })
    expect(reported).toEqual([failure])
  })
})

describe('httpJwksSource, against an unhelpful server', () => {
  let server: Server
  let baseUrl: string
  let accepted: string | undefined

  beforeAll(async () => {
    const jwks = JSON.stringify({ keys: [(await createSigningKey()).publicJwk] })
    server = createServer((request, response) => {
      const json = (body: string) =>
        response.writeHead(200, { 'content-type': 'application/json' }).end(body)
      switch (request.url) {
        case '/jwks':
          accepted = request.headers.accept
          return json(jwks)
        case '/moved':
          return response.writeHead(302, { location: '/jwks' }).end()
        case '/null':
          return json('null')
        case '/text':
          return json('"keys"')
        case '/keys-object':
          return json('{"keys":{}}')
        case '/silent':
          return // never answers
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })

  test('asks for JSON', async () => {
    await httpJwksSource(`${baseUrl}/jwks`)()
    expect(accepted).toBe('application/json')
  })

  test('does not follow a redirect: keys come only from the configured URL', async () => {
    await expect(httpJwksSource(`${baseUrl}/moved`)()).rejects.toThrow()
  })

  test.each(['/null', '/text', '/keys-object'])(
    'refuses %s, which is not a key set',
    async (path) => {
      await expect(httpJwksSource(`${baseUrl}${path}`)()).rejects.toThrow(/JSON Web Key Set/)
    },
  )

  test('gives up on a server that does not answer within the timeout', async () => {
    const started = Date.now()
    await expect(httpJwksSource(`${baseUrl}/silent`, 200)()).rejects.toThrow()
    expect(Date.now() - started).toBeLessThan(5_000)
  })
})
