import { createHmac, KeyObject, randomUUID, sign } from 'node:crypto'
import { JWT_COOKIE_NAME, SECURE_JWT_COOKIE_NAME } from '@taskwise/contracts/auth'
import { session, user } from '@taskwise/db/schema/auth'
import { task } from '@taskwise/db/schema/task'
import { eq } from 'drizzle-orm'
import Fastify, { type FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import {
  bearer,
  createSigningKey,
  createTestApi,
  TEST_ORIGIN,
  type SigningKey,
  type TestApi,
  type TestUser,
} from '../../testing/harness'
import { authenticationPlugin, currentIdentity } from './authentication'

let api: TestApi
let alice: TestUser
let attacker: SigningKey

beforeAll(async () => {
  api = await createTestApi()
  alice = await api.createUser()
  attacker = await createSigningKey()
})

afterAll(async () => {
  await api?.close()
})

const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url')
const now = () => Math.floor(Date.now() / 1000)

async function listWith(headers: Record<string, string>, url = `/api/${alice.id}/tasks`) {
  return api.app.inject({ method: 'GET', url, headers })
}

function expectUnauthorized(response: Awaited<ReturnType<typeof listWith>>) {
  expect(response.statusCode, response.body).toBe(401)
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/)
  expect(response.headers['www-authenticate']).toMatch(/^Bearer/)
  expect(response.json()).toMatchObject({ status: 401, code: 'invalid_token' })
}

describe('a valid token', () => {
  test('in the Authorization header is accepted', async () => {
    expect((await listWith(bearer(alice.token))).statusCode).toBe(200)
  })

  test('in the JWT cookie is accepted, under either cookie name', async () => {
    for (const name of [JWT_COOKIE_NAME, SECURE_JWT_COOKIE_NAME]) {
      expect((await listWith({ cookie: `${name}=${alice.token}` })).statusCode).toBe(200)
    }
  })

  test('with a lowercase bearer scheme is accepted', async () => {
    expect((await listWith({ authorization: `bearer ${alice.token}` })).statusCode).toBe(200)
  })

  test('within the 60 s clock tolerance is accepted', async () => {
    const token = await api.sign(alice, { claims: { exp: now() - 30, iat: now() - 3600 } })
    expect((await listWith(bearer(token))).statusCode).toBe(200)
  })
})

describe('the JWT attack matrix: each is a 401 with WWW-Authenticate, never a 500', () => {
  /** Each case gives request headers, or a token to send as Bearer. */
  const cases: [string, () => Promise<Record<string, string> | string>][] = [
    ['no token at all', async () => ({})],
    ['garbage', async () => bearer('garbage')],
    ['three garbage segments', async () => bearer('a.b.c')],
    ['an empty Bearer', async () => ({ authorization: 'Bearer ' })],
    ['a Basic Authorization header', async () => ({ authorization: 'Basic dXNlcjpwYXNz' })],
    [
      'a huge header segment',
      async () => bearer(`${b64({ alg: 'EdDSA', pad: 'x'.repeat(6000) })}.e30.sig`),
    ],
    ['a JSON array as payload', async () => bearer(`${b64({ alg: 'EdDSA' })}.${b64([1, 2])}.sig`)],
    ...(['none', 'None', 'NONE', 'nOnE'] as const).map(
      (alg): [string, () => Promise<Record<string, string>>] => [
        `alg "${alg}" with no signature`,
        async () => {
          const [, payload] = alice.token.split('.')
          return bearer(`${b64({ alg, typ: 'JWT' })}.${payload}.`)
        },
      ],
    ),
    [
      'an empty signature',
      async () => {
        const [header, payload] = alice.token.split('.')
        return bearer(`${header}.${payload}.`)
      },
    ],
    [
      'a stripped signature (two segments)',
      async () => {
        const [header, payload] = alice.token.split('.')
        return bearer(`${header}.${payload}`)
      },
    ],
    [
      'a payload tampered after signing',
      async () => {
        const [header, payload, signature] = alice.token.split('.')
        const claims = JSON.parse(Buffer.from(payload as string, 'base64url').toString()) as Record<
          string,
          unknown
        >
        return bearer(`${header}.${b64({ ...claims, email: 'admin@example.com' })}.${signature}`)
      },
    ],
    ...(['the JWK JSON', 'the raw x bytes', 'the base64url x'] as const).map(
      (form): [string, () => Promise<Record<string, string>>] => [
        `HS256 signed with the public key (${form}) as the secret`,
        async () => {
          const header = b64({ alg: 'HS256', typ: 'JWT', kid: api.key.kid })
          const [, payload] = alice.token.split('.')
          const x = api.key.publicJwk.x as string
          const secret =
            form === 'the JWK JSON'
              ? JSON.stringify(api.key.publicJwk)
              : form === 'the raw x bytes'
                ? Buffer.from(x, 'base64url')
                : x
          const signature = createHmac('sha256', secret)
            .update(`${header}.${payload}`)
            .digest('base64url')
          return bearer(`${header}.${payload}.${signature}`)
        },
      ],
    ),
    [
      "an embedded jwk header carrying the attacker's key",
      async () => api.sign(alice, { key: attacker, header: { jwk: attacker.publicJwk } }),
    ],
    [
      'an embedded jwk header with the real kid, signed by the attacker',
      async () =>
        api.sign(alice, {
          key: { ...attacker, kid: api.key.kid },
          header: { jwk: attacker.publicJwk },
        }),
    ],
    [
      'a jku header pointing elsewhere',
      async () =>
        api.sign(alice, { key: attacker, header: { jku: 'http://127.0.0.1:9/jwks.json' } }),
    ],
    [
      'an x5u header pointing elsewhere',
      async () =>
        api.sign(alice, { key: attacker, header: { x5u: 'http://127.0.0.1:9/cert.pem' } }),
    ],
    [
      'a kid with path traversal',
      async () => api.sign(alice, { key: { ...attacker, kid: '../../../../etc/passwd' } }),
    ],
    [
      'a kid with SQL',
      async () => api.sign(alice, { key: { ...attacker, kid: "' OR '1'='1' --" } }),
    ],
    ['a key that is not in the JWKS', async () => api.sign(alice, { key: attacker })],
    [
      'an expired token',
      async () => api.sign(alice, { claims: { iat: now() - 7200, exp: now() - 3600 } }),
    ],
    ['an nbf in the future', async () => api.sign(alice, { claims: { nbf: now() + 3600 } })],
    ['an iat in the future', async () => api.sign(alice, { claims: { iat: now() + 3600 } })],
    ['a missing exp', async () => api.sign(alice, { claims: { exp: undefined } })],
    ['a missing iat', async () => api.sign(alice, { claims: { iat: undefined } })],
    ['a missing sub', async () => api.sign(alice, { claims: { sub: undefined } })],
    ['a missing sid', async () => api.sign(alice, { claims: { sid: undefined } })],
    ['a sub that is not a UUID', async () => api.sign(alice, { claims: { sub: 'admin' } })],
    ['a sid that is not a UUID', async () => api.sign(alice, { claims: { sid: "1' or '1'='1" } })],
    ['a wrong iss', async () => api.sign(alice, { claims: { iss: 'https://evil.example' } })],
    ['a wrong aud', async () => api.sign(alice, { claims: { aud: 'some-other-api' } })],
    ['a missing aud', async () => api.sign(alice, { claims: { aud: undefined } })],
    [
      'an unknown critical header, correctly signed',
      async () => {
        const header = b64({
          alg: 'EdDSA',
          kid: api.key.kid,
          crit: ['x-taskwise'],
          'x-taskwise': 1,
        })
        const [, payload] = alice.token.split('.')
        const signature = sign(
          null,
          Buffer.from(`${header}.${payload}`),
          KeyObject.from(api.key.privateKey),
        ).toString('base64url')
        return bearer(`${header}.${payload}.${signature}`)
      },
    ],
    ['a session that does not exist', async () => api.sign({ ...alice, sessionId: randomUUID() })],
    [
      "someone else's session id",
      async () => api.sign({ ...alice, sessionId: (await api.createUser()).sessionId }),
    ],
    ['a cookie holding garbage', async () => ({ cookie: `${JWT_COOKIE_NAME}=garbage` })],
  ]

  test.each(cases)('%s', async (_name, make) => {
    const made = await make()
    expectUnauthorized(await listWith(typeof made === 'string' ? bearer(made) : made))
  })

  test('a valid token in the query string is ignored, so the request is a 401', async () => {
    for (const name of ['access_token', 'token', 'jwt']) {
      expectUnauthorized(await listWith({}, `/api/${alice.id}/tasks?${name}=${alice.token}`))
    }
  })

  test('a bad token is a 401 on every task route, writes included, and writes nothing', async () => {
    const before = await api.db.select().from(task)
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const url =
        method === 'POST'
          ? `/api/${alice.id}/tasks`
          : `/api/${alice.id}/tasks/${randomUUID()}${method === 'PATCH' ? '/complete' : ''}`
      const response = await api.app.inject({
        method,
        url,
        headers: bearer('x.y.z'),
        payload: method === 'DELETE' || method === 'PATCH' ? undefined : { title: 'x' },
      })
      expectUnauthorized(response)
    }
    expect(await api.db.select().from(task)).toEqual(before)
  })

  test('an invalid token is answered with error="invalid_token"; a missing one without', async () => {
    expect((await listWith(bearer('x.y.z'))).headers['www-authenticate']).toBe(
      'Bearer error="invalid_token"',
    )
    expect((await listWith({})).headers['www-authenticate']).toBe('Bearer')
  })
})

describe('CSRF: cookie-authenticated writes', () => {
  const cookie = () => ({ cookie: `${JWT_COOKIE_NAME}=${alice.token}` })
  const post = (headers: Record<string, string>) =>
    api.app.inject({
      method: 'POST',
      url: `/api/${alice.id}/tasks`,
      headers,
      payload: { title: 'via cookie' },
    })

  test('with the web app Origin are allowed', async () => {
    expect((await post({ ...cookie(), origin: TEST_ORIGIN })).statusCode).toBe(201)
  })

  test('with Sec-Fetch-Site: same-origin are allowed', async () => {
    expect((await post({ ...cookie(), 'sec-fetch-site': 'same-origin' })).statusCode).toBe(201)
  })

  test.each([
    ['no Origin at all', {}],
    ['a foreign Origin', { origin: 'https://evil.example' }],
    ['Origin null', { origin: 'null' }],
    ['a look-alike Origin', { origin: `${TEST_ORIGIN}.evil.example` }],
    [
      'Sec-Fetch-Site: cross-site',
      { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
    ],
    ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site' }],
  ])('with %s are a 403 and change nothing', async (_name, extra) => {
    const created = await api.app.inject({
      method: 'POST',
      url: `/api/${alice.id}/tasks`,
      headers: bearer(alice.token),
      payload: { title: 'target' },
    })
    const id = (created.json() as { id: string }).id
    const before = await api.db.select().from(task).where(eq(task.id, id))
    for (const [method, url, payload] of [
      ['POST', `/api/${alice.id}/tasks`, { title: 'forged' }],
      ['PUT', `/api/${alice.id}/tasks/${id}`, { title: 'forged' }],
      ['PATCH', `/api/${alice.id}/tasks/${id}/complete`, undefined],
      ['DELETE', `/api/${alice.id}/tasks/${id}`, undefined],
    ] as const) {
      const response = await api.app.inject({
        method,
        url,
        headers: { ...cookie(), ...extra },
        payload,
      })
      expect(response.statusCode).toBe(403)
      expect(response.json()).toMatchObject({ code: 'csrf_rejected' })
    }
    expect(await api.db.select().from(task).where(eq(task.id, id))).toEqual(before)
    expect(await api.db.select().from(task).where(eq(task.title, 'forged'))).toHaveLength(0)
  })

  test('cookie-authenticated reads need no Origin', async () => {
    expect((await listWith(cookie())).statusCode).toBe(200)
  })

  test('Bearer writes are exempt: no Origin needed, even a foreign one', async () => {
    expect((await post({ ...bearer(alice.token), origin: 'https://cli.example' })).statusCode).toBe(
      201,
    )
  })
})

describe('revocation', () => {
  test('a signed-out session (its row deleted) gets 401 once the short cache expires', async () => {
    const cached = await createTestApi({ env: { API_SESSION_CACHE_MS: '300' } })
    try {
      const bob = await cached.createUser()
      const list = () =>
        cached.app.inject({
          method: 'GET',
          url: `/api/${bob.id}/tasks`,
          headers: bearer(bob.token),
        })
      expect((await list()).statusCode).toBe(200)
      await cached.db.delete(session).where(eq(session.id, bob.sessionId))
      // Remembered for at most the cache's lifetime …
      expect((await list()).statusCode).toBe(200)
      await new Promise((resolve) => setTimeout(resolve, 400))
      // … then the token is dead.
      expectUnauthorized(await list())
    } finally {
      await cached.close()
    }
  })

  test("ending one session leaves the same user's other sessions working", async () => {
    const carol = await api.createUser()
    const [second] = await api.db
      .insert(session)
      .values({
        userId: carol.id,
        token: randomUUID(),
        expiresAt: new Date(Date.now() + 3600_000),
        updatedAt: new Date(),
      })
      .returning({ id: session.id })
    const otherToken = await api.sign({ id: carol.id, sessionId: second?.id as string })
    await api.db.delete(session).where(eq(session.id, carol.sessionId))
    expectUnauthorized(await listWith(bearer(carol.token), `/api/${carol.id}/tasks`))
    expect((await listWith(bearer(otherToken), `/api/${carol.id}/tasks`)).statusCode).toBe(200)
  })

  test('a deleted account gets 401 and its tasks are gone', async () => {
    const dave = await api.createUser()
    await api.app.inject({
      method: 'POST',
      url: `/api/${dave.id}/tasks`,
      headers: bearer(dave.token),
      payload: { title: 'x' },
    })
    await api.db.delete(user).where(eq(user.id, dave.id))
    expectUnauthorized(await listWith(bearer(dave.token), `/api/${dave.id}/tasks`))
    expect(await api.db.select().from(task).where(eq(task.userId, dave.id))).toHaveLength(0)
  })
})

describe('what a refusal tells the client', () => {
  async function problemOf(headers: Record<string, string>, method: 'GET' | 'POST' = 'GET') {
    const response = await api.app.inject({
      method,
      url: `/api/${alice.id}/tasks`,
      headers,
      ...(method === 'POST' ? { payload: { title: 'x' } } : {}),
    })
    return { status: response.statusCode, ...(response.json() as { code: string; detail: string }) }
  }

  test('each refusal says what to do about it', async () => {
    expect(await problemOf({})).toMatchObject({
      status: 401,
      detail: 'Send a token: Authorization: Bearer <jwt>.',
    })
    expect(await problemOf({ authorization: 'Basic YWxpY2U6c2VjcmV0' })).toMatchObject({
      status: 401,
      detail: 'The Authorization header must be "Bearer <token>".',
    })
    expect(await problemOf(bearer('a.b.c'))).toMatchObject({
      status: 401,
      detail: 'The token is invalid or has expired.',
    })
    expect(
      await problemOf(
        { cookie: `${JWT_COOKIE_NAME}=${alice.token}`, origin: 'https://evil.example' },
        'POST',
      ),
    ).toMatchObject({
      status: 403,
      code: 'csrf_rejected',
      detail:
        'A cookie-authenticated change must come from the Taskwise web app (same-origin Origin header).',
    })
    const ended = await api.createUser()
    await api.db.delete(session).where(eq(session.id, ended.sessionId))
    expect(await problemOf(bearer(ended.token))).toMatchObject({
      status: 401,
      detail: 'The session of this token has ended; sign in again.',
    })
  })

  test('a request whose keys never loaded is told to retry', async () => {
    const down = await createTestApi({ failJwksFromCall: 1 })
    try {
      const carol = await down.createUser()
      const response = await down.app.inject({
        method: 'GET',
        url: `/api/${carol.id}/tasks`,
        headers: bearer(carol.token),
      })
      expect(response.statusCode).toBe(503)
      expect(response.json()).toMatchObject({
        detail: 'The api cannot check tokens right now; retry shortly.',
      })
    } finally {
      await down.close()
    }
  })
})

describe('what is logged', () => {
  /** An api whose log lines the test reads; its key source fails from the call `failFrom` on. */
  async function loggedApi(failFrom: number, jwksMaxAgeMs?: number) {
    const lines: Record<string, unknown>[] = []
    const logged = await createTestApi({
      env: { LOG_LEVEL: 'info' },
      logStream: { write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) },
      failJwksFromCall: failFrom,
      ...(jwksMaxAgeMs === undefined ? {} : { jwksMaxAgeMs }),
    })
    return { logged, lines, text: () => JSON.stringify(lines) }
  }

  test('a refused token is logged with the reason, never with the token', async () => {
    const { logged, lines, text } = await loggedApi(1_000)
    try {
      const carol = await logged.createUser()
      const expired = await logged.sign(carol, { claims: { exp: now() - 3600 } })
      const get = (token: string) =>
        logged.app.inject({ method: 'GET', url: `/api/${carol.id}/tasks`, headers: bearer(token) })
      await get(expired)
      expect(lines).toContainEqual(
        expect.objectContaining({
          msg: 'token refused',
          reason: expect.stringMatching(/^FAST_JWT_EXPIRED: /),
        }),
      )
      await logged.db.delete(session).where(eq(session.id, carol.sessionId))
      await get(carol.token)
      expect(lines).toContainEqual(
        expect.objectContaining({ msg: 'token refused: its session has ended' }),
      )
      expect(text()).not.toContain(expired)
      expect(text()).not.toContain(carol.token)
    } finally {
      await logged.close()
    }
  })

  test('keys that never loaded are an error with the cause; a failed refresh a warning', async () => {
    const never = await loggedApi(1)
    try {
      const carol = await never.logged.createUser()
      await never.logged.app.inject({
        method: 'GET',
        url: `/api/${carol.id}/tasks`,
        headers: bearer(carol.token),
      })
      expect(never.lines).toContainEqual(
        expect.objectContaining({
          level: 50,
          msg: 'no signing keys: the JWKS has never loaded',
          err: expect.objectContaining({ message: 'fetch failed (simulated network failure)' }),
        }),
      )
    } finally {
      await never.logged.close()
    }

    const stale = await loggedApi(2, 0)
    try {
      const carol = await stale.logged.createUser()
      const get = () =>
        stale.logged.app.inject({
          method: 'GET',
          url: `/api/${carol.id}/tasks`,
          headers: bearer(carol.token),
        })
      expect((await get()).statusCode).toBe(200) // loads the keys
      expect((await get()).statusCode).toBe(200) // they are stale: refreshed in the background
      await vi.waitFor(() =>
        expect(stale.lines).toContainEqual(
          expect.objectContaining({
            level: 40,
            msg: 'could not fetch the JWKS; cached keys stay in use',
            err: expect.objectContaining({ message: 'fetch failed (simulated network failure)' }),
          }),
        ),
      )
    } finally {
      await stale.logged.close()
    }
  })
})

describe('the plugin', () => {
  const options = {
    issuer: TEST_ORIGIN,
    jwksUrl: `${TEST_ORIGIN}/api/auth/jwks`,
    trustedOrigins: [TEST_ORIGIN],
    sessionCacheMs: 0,
  }
  const stub = (name: string) => fp(async () => {}, { name })

  test('names the plugins it needs, so a registration in the wrong order fails at start-up', async () => {
    for (const [registered, missing] of [
      [[], 'db'],
      [['db'], 'cookie'],
      [['db', 'cookie'], 'problems'],
    ] as const) {
      const app = Fastify()
      for (const name of registered) await app.register(stub(name))
      await expect(app.register(authenticationPlugin, options)).rejects.toThrow(
        `The dependency '${missing}' of plugin 'authentication' is not registered`,
      )
      await app.close()
    }
  })

  test('currentIdentity refuses a request that the authenticate hook never saw', () => {
    expect(() => currentIdentity({ identity: null } as FastifyRequest)).toThrow(
      'currentIdentity() called on a route without the authenticate hook',
    )
  })
})
