import { createTestDatabase, type TestDatabase } from '@taskwise/db/testing'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { CLIENT_ADDRESS_HEADER } from '../server/http/client-address-header'
import { startWebProcess, type WebProcess } from './testing/web-process'

/**
 * The per-IP sign-in limit against the real web server: a client that writes its own
 * X-Forwarded-For (or the internal address header) gets no fresh bucket; behind a trusted proxy
 * the proxy's header decides (docs/decisions/0520-web-server.md).
 */

const PER_IP = 2
let database: TestDatabase
let direct: WebProcess
let proxied: WebProcess

beforeAll(async () => {
  database = await createTestDatabase()
  const env = { DATABASE_URL: database.url, AUTH_RATE_LIMIT_MAX: String(PER_IP) }
  ;[direct, proxied] = await Promise.all([
    startWebProcess(env),
    startWebProcess({ ...env, TRUSTED_PROXIES: '127.0.0.1, ::1' }),
  ])
})

afterAll(async () => {
  await Promise.all([direct?.stop(), proxied?.stop()])
  await database?.drop()
})

let attempt = 0
async function signIn(web: WebProcess, headers: Record<string, string>): Promise<Response> {
  attempt += 1
  return fetch(`${web.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: web.url, ...headers },
    body: JSON.stringify({ email: `nobody-${attempt}@example.com`, password: 'Wrong-Password-1' }),
  })
}

describe('with no trusted proxy', () => {
  test('a client that sends a new X-Forwarded-For with every attempt still hits its limit', async () => {
    const statuses: number[] = []
    for (let index = 1; index <= PER_IP + 2; index += 1) {
      const response = await signIn(direct, {
        'x-forwarded-for': `198.51.100.${index}`,
        'x-real-ip': `198.51.100.${index}`,
        [CLIENT_ADDRESS_HEADER]: `203.0.113.${index}`,
      })
      statuses.push(response.status)
    }
    expect(statuses).toEqual([401, 401, 429, 429])
  })
})

describe('behind a trusted proxy (the socket is 127.0.0.1)', () => {
  test("each client address in the proxy's X-Forwarded-For has a bucket of its own", async () => {
    const statuses: number[] = []
    for (let index = 1; index <= PER_IP + 2; index += 1) {
      // What a proxy appends: the address it saw, after whatever the client claimed.
      const response = await signIn(proxied, { 'x-forwarded-for': `6.6.6.6, 198.51.100.${index}` })
      statuses.push(response.status)
    }
    expect(statuses).toEqual([401, 401, 401, 401])
  })

  test('one client address behind the proxy is limited, whatever it puts on the left', async () => {
    const statuses: number[] = []
    for (let index = 1; index <= PER_IP + 1; index += 1) {
      const response = await signIn(proxied, { 'x-forwarded-for': `10.9.9.${index}, 192.0.2.44` })
      statuses.push(response.status)
    }
    expect(statuses).toEqual([401, 401, 429])
  })
})
