import { randomUUID } from 'node:crypto'
import { connect, createServer, type Server, type Socket } from 'node:net'
import { createContract, type Contract } from '@taskwise/api/src/testing/openapi-contract'
import { apiDocument } from '@taskwise/api-client/documents'
import { problemSchema } from '@taskwise/contracts/problem'
import { createTestDatabase, type TestDatabase } from '@taskwise/db/testing'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { freePort, startWebProcess, type WebProcess } from './testing/web-process'

/**
 * Faults the web server must survive (issue 11), against the real server process: the api
 * gone, clients too slow to finish their request, and SIGTERM in the middle of load.
 */

const HEADERS_TIMEOUT_MS = 1_000
const REQUEST_TIMEOUT_MS = 2_000
let database: TestDatabase
let web: WebProcess
let apiPort: number
let contract: Contract

beforeAll(async () => {
  // The task routes' answers through the web are held to the api's own OpenAPI document.
  contract = createContract((await apiDocument()) as unknown as Record<string, unknown>)
  database = await createTestDatabase()
  apiPort = await freePort()
  web = await startWebProcess({
    DATABASE_URL: database.url,
    API_URL: `http://127.0.0.1:${apiPort}`,
    WEB_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
    WEB_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
  })
})

afterAll(async () => {
  await web?.stop()
  await database?.drop()
})

async function expectProblem(response: Response, status: number, code: string, method = 'GET') {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toBe('application/problem+json')
  const text = await response.text()
  contract.check({
    method,
    url: response.url,
    status,
    headers: Object.fromEntries(response.headers),
    body: text,
  })
  const body = problemSchema.parse(JSON.parse(text))
  expect(body).toMatchObject({ status, code })
  return body
}

describe('the api is down', () => {
  const tasks = () => `${web.url}/api/${randomUUID()}/tasks`

  test('nothing listens at API_URL: the task routes answer 503 problem+json with Retry-After', async () => {
    const list = await fetch(tasks())
    await expectProblem(list, 503, 'service_unavailable')
    expect(list.headers.get('retry-after')).toMatch(/^[0-9]+$/)
    const create = await fetch(tasks(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: web.url },
      body: JSON.stringify({ title: 'Buy milk' }),
    })
    await expectProblem(create, 503, 'service_unavailable', 'POST')
  })

  test('the api takes the connection and drops it unanswered: 502 problem+json', async () => {
    const dropper: Server = createServer((socket) => socket.destroy())
    await new Promise<void>((resolve) => dropper.listen(apiPort, '127.0.0.1', resolve))
    try {
      await expectProblem(await fetch(tasks()), 502, 'bad_gateway')
    } finally {
      await new Promise((resolve) => dropper.close(resolve))
    }
  })

  test('the pages and the auth routes keep working meanwhile', async () => {
    expect((await fetch(`${web.url}/login`)).status).toBe(200)
    expect((await fetch(`${web.url}/api/auth/me`)).status).toBe(401)
  })
})

/** Opens a raw connection and resolves when the server closes it (with what it sent, if any). */
function dribble(write: (socket: Socket) => NodeJS.Timeout) {
  return new Promise<{ afterMs: number; reply: string }>((resolve, reject) => {
    const started = Date.now()
    const socket = connect(web.port, '127.0.0.1')
    let reply = ''
    let timer: NodeJS.Timeout | undefined
    socket.on('connect', () => (timer = write(socket)))
    socket.on('data', (chunk) => (reply += chunk.toString()))
    socket.on('error', () => {})
    socket.on('close', () => {
      clearInterval(timer)
      resolve({ afterMs: Date.now() - started, reply })
    })
    setTimeout(() => {
      socket.destroy()
      reject(new Error('the server never cut the slow client off'))
    }, 15_000)
  })
}

describe('slow clients are cut off', () => {
  test('a client dribbling its headers is cut off by the headers timeout', async () => {
    const { afterMs, reply } = await dribble((socket) => {
      socket.write('GET /login HTTP/1.1\r\nHost: localhost\r\n')
      let count = 0
      return setInterval(() => socket.write(`x-slow-${(count += 1)}: 1\r\n`), 200)
    })
    expect(afterMs).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS)
    expect(afterMs).toBeLessThan(HEADERS_TIMEOUT_MS + 2_000)
    expect(reply).toMatch(/^HTTP\/1\.1 408/)
  })

  test('a client dribbling its body is cut off by the request timeout', async () => {
    const { afterMs, reply } = await dribble((socket) => {
      socket.write(
        `POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{`,
      )
      return setInterval(() => socket.write(' '), 200)
    })
    expect(afterMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS)
    expect(afterMs).toBeLessThan(REQUEST_TIMEOUT_MS + 2_000)
    expect(reply).toMatch(/^HTTP\/1\.1 408/)
  })

  test('a client that sends its request in time is answered as usual', async () => {
    expect((await fetch(`${web.url}/login`)).status).toBe(200)
  })
})

describe('SIGTERM during load', () => {
  test('in-flight requests finish, new ones are refused, and the server exits 0', async () => {
    const server = await startWebProcess({
      DATABASE_URL: database.url,
      AUTH_RATE_LIMIT_MAX: '1000',
    })
    try {
      const people = Array.from({ length: 12 }, () => `sigterm-${randomUUID()}@example.com`)
      let signalledAt = 0
      const arrivals: number[] = []
      const sent = people.map(async (email) => {
        const response = await fetch(`${server.url}/api/auth/register`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: server.url },
          body: JSON.stringify({ email, password: 'Correct-Horse-9-battery' }),
        })
        arrivals.push(Date.now())
        // The first answer shows the load is under way: stop the server now.
        if (!signalledAt) {
          signalledAt = Date.now()
          server.child.kill('SIGTERM')
        }
        return response.status
      })
      const statuses = await Promise.all(sent)
      expect(statuses).toEqual(people.map(() => 201))
      // Some of them were still in flight when the signal came, and were answered all the same.
      expect(arrivals.filter((at) => at > signalledAt).length).toBeGreaterThan(0)
      // A new request finds nobody listening.
      await expect(fetch(`${server.url}/login`)).rejects.toThrow()
      expect(await server.exited).toBe(0)
      // Every acknowledged sign-up is in the database.
      const client = new pg.Client({ connectionString: database.url })
      await client.connect()
      try {
        const { rows } = await client.query<{ count: string }>(
          'select count(*) from "user" where email = any($1)',
          [people],
        )
        expect(Number(rows[0]?.count)).toBe(people.length)
      } finally {
        await client.end()
      }
    } finally {
      await server.stop()
    }
  })
})
