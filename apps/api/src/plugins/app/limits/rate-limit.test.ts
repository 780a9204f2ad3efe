import { createServer, type Server } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildApp } from '../../../app'
import { loadConfig } from '../../../config'
import {
  bearer,
  createTestApi,
  TEST_ISSUER,
  type TestApi,
  type TestUser,
} from '../../../testing/harness'

/** The machine's Redis (the tests need one, like they need PostgreSQL). */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
const LIMIT = 3

const list = (app: FastifyInstance, user: TestUser) =>
  app.inject({ method: 'GET', url: `/api/${user.id}/tasks`, headers: bearer(user.token) })

/** A second api instance on the first one's database and keys, with the same settings. */
async function secondInstance(api: TestApi, env: Record<string, string>) {
  const app = await buildApp({
    config: loadConfig({
      DATABASE_URL: api.database.url,
      AUTH_ISSUER: TEST_ISSUER,
      LOG_LEVEL: 'silent',
      API_SESSION_CACHE_MS: '0',
      ...env,
    }),
    jwksSource: async () => structuredClone(api.jwks),
  })
  await app.ready()
  return app
}

function expectLimited(response: Awaited<ReturnType<typeof list>>, windowSeconds: number) {
  expect(response.statusCode).toBe(429)
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/)
  expect(response.json()).toMatchObject({ status: 429, code: 'rate_limited' })
  const retryAfter = Number(response.headers['retry-after'])
  expect(retryAfter).toBeGreaterThanOrEqual(1)
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds)
}

describe.each([
  ['PostgreSQL', {}],
  ['Redis', { REDIS_URL }],
])('the per-user limit, counted in %s', (_store, storeEnv: Record<string, string>) => {
  const env = {
    API_RATE_LIMIT_MAX: String(LIMIT),
    API_RATE_LIMIT_WINDOW_SECONDS: '60',
    ...storeEnv,
  }
  let api: TestApi
  let second: FastifyInstance

  beforeAll(async () => {
    api = await createTestApi({ env })
    second = await secondInstance(api, env)
  })
  afterAll(async () => {
    await second?.close()
    await api?.close()
  })

  test('past the limit a user gets 429 with Retry-After; another user is unaffected', async () => {
    const [alice, bob] = [await api.createUser(), await api.createUser()]
    for (let request = 0; request < LIMIT; request += 1) {
      expect((await list(api.app, alice)).statusCode).toBe(200)
    }
    expectLimited(await list(api.app, alice), 60)
    // Writes count too, and are refused before anything is written.
    const create = await api.app.inject({
      method: 'POST',
      url: `/api/${alice.id}/tasks`,
      headers: bearer(alice.token),
      payload: { title: 'Refused' },
    })
    expect(create.statusCode).toBe(429)
    expect((await list(api.app, bob)).statusCode).toBe(200)
  })

  test('two api instances count into the same window', async () => {
    const alice = await api.createUser()
    const answers = []
    for (let request = 0; request < LIMIT + 2; request += 1) {
      answers.push((await list(request % 2 === 0 ? api.app : second, alice)).statusCode)
    }
    expect(answers).toEqual([200, 200, 200, 429, 429])
  })

  test('parallel requests cannot slip past the limit', async () => {
    const alice = await api.createUser()
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, index) => list(index % 2 === 0 ? api.app : second, alice)),
    )
    const statuses = answers.map((answer) => answer.statusCode)
    expect(statuses.filter((status) => status === 200)).toHaveLength(LIMIT)
    expect(statuses.filter((status) => status === 429)).toHaveLength(12 - LIMIT)
  })
})

test('a new window lets the user in again', async () => {
  const api = await createTestApi({
    env: { API_RATE_LIMIT_MAX: '1', API_RATE_LIMIT_WINDOW_SECONDS: '1' },
  })
  try {
    const alice = await api.createUser()
    let answer = await list(api.app, alice)
    // A request at the very end of a window may open the next one: one more try is enough.
    if (answer.statusCode === 200) answer = await list(api.app, alice)
    expectLimited(answer, 1)
    await new Promise((resolve) => setTimeout(resolve, 1_100))
    expect((await list(api.app, alice)).statusCode).toBe(200)
  } finally {
    await api.close()
  }
})

describe('with Redis unreachable', () => {
  let silent: Server
  let api: TestApi
  beforeAll(async () => {
    // A port that accepts nothing: a listener closed at once.
    silent = createServer()
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    const { port } = silent.address() as { port: number }
    await new Promise<void>((resolve) => silent.close(() => resolve()))
    api = await createTestApi({
      env: { API_RATE_LIMIT_MAX: '1', REDIS_URL: `redis://127.0.0.1:${port}` },
    })
  })
  afterAll(async () => {
    await api?.close()
  })

  test('requests are served (the limit is a guard, not a reason to be down), quickly', async () => {
    const alice = await api.createUser()
    const started = Date.now()
    for (let request = 0; request < 3; request += 1) {
      expect((await list(api.app, alice)).statusCode).toBe(200)
    }
    expect(Date.now() - started).toBeLessThan(3_000)
  })
})
