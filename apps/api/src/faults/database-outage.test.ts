import { task } from '@taskwise/db/schema/task'
import { inArray } from 'drizzle-orm'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { recordFigure } from '../testing/figures'
import { bearer, createTestApi, type TestApi, type TestUser } from '../testing/harness'
import { sleep, startLoad, waitUntil, type Timed } from '../testing/load'
import { createTcpProxy, freePort, hostAndPort, viaPort, type TcpProxy } from '../testing/tcp-proxy'

/**
 * Fault: PostgreSQL becomes unreachable while the api is under load (its TCP proxy is cut: every
 * connection dropped, nothing listening), then comes back. RELIABILITY.md quotes the figures.
 */

const FAULT = 'api: database unreachable'
const OUTAGE_MS = 1_500

let api: TestApi
let proxy: TcpProxy
let user: TestUser

beforeAll(async () => {
  const port = await freePort()
  api = await createTestApi({
    appDatabaseUrl: (url) => {
      proxy = createTcpProxy(port, hostAndPort(url))
      return viaPort(url, port)
    },
  })
  await proxy.start()
  user = await api.createUser()
})

afterAll(async () => {
  await proxy?.stop()
  // Every connection cut mid-transaction went back to the pool (packages/db/src/pool-guard.ts),
  // so closing the pool finishes.
  await api?.close()
})

const createTask = async () => {
  const response = await api.app.inject({
    method: 'POST',
    url: `/api/${user.id}/tasks`,
    headers: bearer(user.token),
    payload: { title: 'written during an outage test' },
  })
  return { status: response.statusCode, headers: response.headers, body: response.body }
}

const ready = async () => (await api.app.inject({ method: 'GET', url: '/ready' })).statusCode

test('the api answers 503 with Retry-After at once while the database is gone, recovers by itself, and loses no acknowledged write', async () => {
  const load = startLoad(createTask, 4)
  await waitUntil(() => load.answers.some((answer) => answer.status === 201), 'a first 201')

  const cutAt = performance.now()
  await proxy.stop()
  await waitUntil(() => load.answers.some((a) => a.sentAt > cutAt && a.status === 503), 'a 503')
  const first503 = load.answers.find((a) => a.sentAt > cutAt && a.status === 503) as Timed
  expect(await ready()).toBe(503)
  expect((await api.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200)
  await sleep(OUTAGE_MS)
  expect(await ready()).toBe(503)

  const backAt = performance.now()
  await proxy.start()
  await waitUntil(() => load.answers.some((a) => a.sentAt > backAt && a.status === 201), 'a 201')
  const recovered = load.answers.find((a) => a.sentAt > backAt && a.status === 201) as Timed
  await waitUntil(async () => (await ready()) === 200, '/ready', 5_000)
  await sleep(200)
  const answers = await load.stop()

  // Only two answers, ever: created, or 503 problem+json with Retry-After — never a 500.
  expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set([201, 503]))
  for (const answer of answers.filter((a) => a.status === 503)) {
    expect(answer.headers['retry-after']).toBe('5')
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'database_unavailable' })
  }
  // No request hangs: every one, cut mid-query or refused, is answered within a second.
  const slowest = Math.max(...answers.map((answer) => answer.ms))
  expect(slowest).toBeLessThan(1_000)
  const recoveryMs = recovered.sentAt + recovered.ms - backAt
  expect(recoveryMs).toBeLessThan(5_000)

  // Every create that was acknowledged (201) is in the database.
  const acknowledged = answers
    .filter((answer) => answer.status === 201)
    .map((answer) => (JSON.parse(answer.body) as { id: string }).id)
  const stored = await api.db
    .select({ id: task.id })
    .from(task)
    .where(inArray(task.id, acknowledged))
  expect(stored).toHaveLength(acknowledged.length)

  recordFigure(
    FAULT,
    'time from the cut to the first 503',
    first503.sentAt + first503.ms - cutAt,
    'ms',
  )
  recordFigure(FAULT, 'slowest answer during the test', slowest, 'ms')
  recordFigure(FAULT, 'time from its return to the first 201', recoveryMs, 'ms')
  recordFigure(FAULT, 'requests answered', answers.length, '')
  recordFigure(FAULT, '503 answers', answers.filter((a) => a.status === 503).length, '')
  recordFigure(FAULT, 'acknowledged writes', acknowledged.length, '')
  recordFigure(FAULT, 'acknowledged writes lost', acknowledged.length - stored.length, '')
})
