import { task } from '@taskwise/db/schema/task'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { recordFigure } from '../testing/figures'
import { bearer, createTestApi, type TestApi, type TestUser } from '../testing/harness'
import { createTcpProxy, freePort, hostAndPort, viaPort, type TcpProxy } from '../testing/tcp-proxy'

/**
 * Fault: more requests than the pool has connections, on a slow database (every message to it
 * delayed), so that requests queue for a connection. RELIABILITY.md quotes the figures.
 */

const FAULT = 'api: pool exhausted'
const WAIT_MS = 300
const BURST = 24

let api: TestApi
let proxy: TcpProxy
let user: TestUser

beforeAll(async () => {
  const port = await freePort()
  api = await createTestApi({
    env: { API_DB_POOL_MAX: '2', API_DB_CONNECTION_TIMEOUT_MS: String(WAIT_MS) },
    appDatabaseUrl: (url) => {
      proxy = createTcpProxy(port, hostAndPort(url), { delayMs: 60 })
      return viaPort(url, port)
    },
  })
  await proxy.start()
  user = await api.createUser()
})

afterAll(async () => {
  await proxy?.stop()
  await api?.close()
})

test('requests past the pool wait a bounded time, then get 503 with Retry-After; the others are served', async () => {
  const sent = Array.from({ length: BURST }, async () => {
    const started = performance.now()
    const response = await api.app.inject({
      method: 'POST',
      url: `/api/${user.id}/tasks`,
      headers: bearer(user.token),
      payload: { title: 'one of a burst' },
    })
    return { response, ms: performance.now() - started }
  })
  const answers = await Promise.all(sent)

  const created = answers.filter(({ response }) => response.statusCode === 201)
  const refused = answers.filter(({ response }) => response.statusCode === 503)
  expect(created.length + refused.length).toBe(BURST) // nothing else, never a 500
  expect(created.length).toBeGreaterThan(0)
  expect(refused.length).toBeGreaterThan(0)
  for (const { response, ms } of refused) {
    expect(response.headers['retry-after']).toBe('5')
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(response.json()).toMatchObject({ code: 'database_unavailable' })
    // It waited for a connection no longer than the setting (with room for a slow machine).
    expect(ms).toBeLessThan(WAIT_MS + 2_000)
  }
  // Exactly the acknowledged tasks exist: a refused request wrote nothing.
  const stored = await api.db.select({ id: task.id }).from(task).where(eq(task.userId, user.id))
  expect(stored.map((row) => row.id).sort()).toEqual(
    created.map(({ response }) => (response.json() as { id: string }).id).sort(),
  )

  recordFigure(FAULT, 'pool size / wait setting', 2, `connections / ${WAIT_MS} ms`)
  recordFigure(FAULT, 'burst', BURST, 'concurrent creates')
  recordFigure(FAULT, 'served (201)', created.length, '')
  recordFigure(FAULT, 'refused (503 + Retry-After)', refused.length, '')
  recordFigure(FAULT, 'fastest 503', Math.min(...refused.map(({ ms }) => ms)), 'ms')
  recordFigure(FAULT, 'slowest 503', Math.max(...refused.map(({ ms }) => ms)), 'ms')
  recordFigure(FAULT, 'other statuses (500s)', BURST - created.length - refused.length, '')
})
