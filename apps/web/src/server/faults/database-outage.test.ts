import { recordFigure } from '@taskwise/api/src/testing/figures'
import { sleep, startLoad, waitUntil, type Timed } from '@taskwise/api/src/testing/load'
import {
  createTcpProxy,
  freePort,
  hostAndPort,
  viaPort,
  type TcpProxy,
} from '@taskwise/api/src/testing/tcp-proxy'
import { createPool } from '@taskwise/db/client'
import { afterAll, beforeAll, expect, test } from 'vitest'
import {
  cookieHeaderFrom,
  createAuthHarness,
  RAISED_AUTH_LIMITS,
  strongPassword,
  uniqueEmail,
  type AuthHarness,
} from '../auth/test-harness'

/**
 * Fault: PostgreSQL becomes unreachable while the web app's auth routes are under load (its TCP
 * proxy is cut), then comes back. RELIABILITY.md quotes the figures.
 */

const FAULT = 'web: database unreachable'
const OUTAGE_MS = 1_500

let harness: AuthHarness
let proxy: TcpProxy
const password = strongPassword()
const email = uniqueEmail('outage')
let cookie: string

beforeAll(async () => {
  const port = await freePort()
  harness = await createAuthHarness(
    { ...RAISED_AUTH_LIMITS, AUTH_PASSWORD_HASHER: 'scrypt' },
    {
      appDatabaseUrl: async (url) => {
        proxy = createTcpProxy(port, hostAndPort(url))
        await proxy.start()
        return viaPort(url, port)
      },
    },
  )
  const registered = await harness.request('/api/auth/register', { json: { email, password } })
  expect(registered.status).toBe(201)
  cookie = cookieHeaderFrom(registered)
})

afterAll(async () => {
  await proxy?.stop()
  // Every connection cut mid-transaction went back to the pool (packages/db/src/pool-guard.ts),
  // so closing the pool finishes.
  await harness?.close()
})

async function answer(response: Response) {
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: await response.text(),
  }
}

/** One of three calls in turn: sign in, ask who is signed in, sign up a new account. */
let turn = 0
async function mixed() {
  turn += 1
  if (turn % 3 === 0)
    return answer(await harness.request('/api/auth/login', { json: { email, password } }))
  if (turn % 3 === 1) return answer(await harness.request('/api/auth/me', { headers: { cookie } }))
  const json = { email: uniqueEmail('burst'), password: strongPassword() }
  return answer(await harness.request('/api/auth/register', { json }))
}

const ready = async () => (await harness.request('/api/ready')).status

test('the auth routes answer 503 with Retry-After at once while the database is gone, recover by themselves, and lose no sign-up', async () => {
  expect(await ready()).toBe(200)
  const load = startLoad(mixed, 3)
  await waitUntil(() => load.answers.length >= 6, 'a few answers')

  const cutAt = performance.now()
  await proxy.stop()
  await waitUntil(() => load.answers.some((a) => a.sentAt > cutAt && a.status === 503), 'a 503')
  const first503 = load.answers.find((a) => a.sentAt > cutAt && a.status === 503) as Timed
  expect(await ready()).toBe(503)
  expect((await harness.request('/api/health')).status).toBe(200)
  await sleep(OUTAGE_MS)

  const backAt = performance.now()
  await proxy.start()
  const isOk = (a: Timed) => a.sentAt > backAt && a.status < 300
  await waitUntil(() => load.answers.filter(isOk).length >= 3, 'answers after the return')
  const recovered = load.answers.find(isOk) as Timed
  await waitUntil(async () => (await ready()) === 200, '/ready', 5_000)
  const answers = await load.stop()

  const statuses = new Set(answers.map((a) => a.status))
  expect(
    [...statuses].every((status) => [200, 201, 503].includes(status)),
    [...statuses].join(),
  ).toBe(true)
  for (const unavailable of answers.filter((a) => a.status === 503)) {
    expect(unavailable.headers['retry-after']).toBe('5')
    expect(unavailable.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(JSON.parse(unavailable.body)).toMatchObject({ code: 'database_unavailable' })
  }
  const duringOutage = answers.filter((a) => a.sentAt > cutAt && a.sentAt < backAt)
  const slowest = Math.max(...duringOutage.map((a) => a.ms))
  expect(slowest).toBeLessThan(1_000)
  const recoveryMs = recovered.sentAt + recovered.ms - backAt
  expect(recoveryMs).toBeLessThan(5_000)

  // Every sign-up that was acknowledged (201) is an account in the database.
  const signedUp = answers
    .filter((a) => a.status === 201)
    .map((a) => (JSON.parse(a.body) as { user: { id: string } }).user.id)
  const direct = createPool(harness.database.url, { max: 1 })
  const stored = await direct.query<{ n: number }>(
    'select count(*)::int as n from "user" where id = any($1::uuid[])',
    [signedUp],
  )
  await direct.end()
  expect(stored.rows[0]?.n).toBe(signedUp.length)

  recordFigure(
    FAULT,
    'time from the cut to the first 503',
    first503.sentAt + first503.ms - cutAt,
    'ms',
  )
  recordFigure(FAULT, 'slowest answer during the outage', slowest, 'ms')
  recordFigure(FAULT, 'time from its return to the first success', recoveryMs, 'ms')
  recordFigure(FAULT, 'requests answered', answers.length, '')
  recordFigure(FAULT, '503 answers', answers.filter((a) => a.status === 503).length, '')
  recordFigure(FAULT, 'acknowledged sign-ups', signedUp.length, '')
  recordFigure(FAULT, 'acknowledged sign-ups lost', signedUp.length - (stored.rows[0]?.n ?? 0), '')
})
