import net from 'node:net'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { recordFigure } from '../testing/figures'
import { createTestApi, type TestApi, type TestUser } from '../testing/harness'

/**
 * Fault: a client that sends its request a byte at a time (slowloris) to hold connections open.
 * The api's own timeouts cut it off (docs/decisions/0511-timeouts.md), shrunk here to keep the
 * test short. RELIABILITY.md quotes the figures.
 */

const FAULT = 'api: slow client'
const HEADERS_TIMEOUT_MS = 500
const REQUEST_TIMEOUT_MS = 1_000

let api: TestApi
let user: TestUser
let port: number

beforeAll(async () => {
  api = await createTestApi({
    env: {
      API_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
      API_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    },
  })
  user = await api.createUser()
  await api.app.listen({ port: 0, host: '127.0.0.1' })
  port = (api.app.server.address() as net.AddressInfo).port
})

afterAll(async () => {
  await api?.close()
})

/** Opens a connection, sends `head`, then one byte of `drip` every 100 ms until it is closed. */
async function dribble(head: string, drip: string) {
  const socket = net.connect(port, '127.0.0.1')
  await new Promise((resolve) => socket.once('connect', resolve))
  const openedAt = performance.now()
  let received = ''
  socket.on('data', (chunk: Buffer) => (received += chunk.toString()))
  socket.on('error', () => {})
  socket.write(head)
  let index = 0
  const timer = setInterval(() => {
    if (!socket.destroyed) socket.write(drip[index++ % drip.length] ?? 'x')
  }, 100)
  await new Promise((resolve) => socket.once('close', resolve))
  clearInterval(timer)
  return { received, ms: performance.now() - openedAt }
}

function expect408(received: string) {
  expect(received).toMatch(/^HTTP\/1\.1 408 /)
  expect(received).toMatch(/\r\ncontent-type: application\/problem\+json/i)
  expect(received).toMatch(/\r\nconnection: close\r\n/i)
}

test('a client dribbling its headers is answered 408 and cut off after the headers timeout', async () => {
  const { received, ms } = await dribble('GET /health HTTP/1.1\r\nHost: api\r\n', 'X-Slow: a\r\n')
  expect408(received)
  expect(ms).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 50)
  expect(ms).toBeLessThan(HEADERS_TIMEOUT_MS + 1_000)
  recordFigure(
    FAULT,
    `headers dribbled: cut off (408) after (limit ${HEADERS_TIMEOUT_MS} ms)`,
    ms,
    'ms',
  )
})

test('a client dribbling its body is answered 408 and cut off after the request timeout', async () => {
  const head = [
    `POST /api/${user.id}/tasks HTTP/1.1`,
    'Host: api',
    `Authorization: Bearer ${user.token}`,
    'Content-Type: application/json',
    'Content-Length: 1000',
    '',
    '{"title":"',
  ].join('\r\n')
  const { received, ms } = await dribble(head, 'a')
  expect408(received)
  expect(ms).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 50)
  expect(ms).toBeLessThan(REQUEST_TIMEOUT_MS + 1_000)
  recordFigure(
    FAULT,
    `body dribbled: cut off (408) after (limit ${REQUEST_TIMEOUT_MS} ms)`,
    ms,
    'ms',
  )
})

test('a prompt client on the same server is served meanwhile', async () => {
  const slow = dribble('GET /health HTTP/1.1\r\nHost: api\r\n', 'X-Slow: a\r\n')
  const response = await fetch(`http://127.0.0.1:${port}/health`)
  expect(response.status).toBe(200)
  await slow
})
