import { JWT_COOKIE_NAME } from '@taskwise/contracts/auth'
import { sql } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildApp, redactUrl, serializeError } from './app'
import { loadConfig } from './config'
import { bearer, createTestApi, type TestApi, type TestUser } from './testing/harness'

let api: TestApi
let alice: TestUser
const logLines: string[] = []

beforeAll(async () => {
  api = await createTestApi({
    env: { LOG_LEVEL: 'info' },
    logStream: { write: (line) => void logLines.push(line) },
  })
  alice = await api.createUser()
})

afterAll(async () => {
  await api?.close()
})

describe('request ids', () => {
  test('every response carries an x-request-id, errors and unknown routes included', async () => {
    const responses = await Promise.all([
      api.app.inject({ method: 'GET', url: '/health' }),
      api.app.inject({ method: 'GET', url: '/nowhere' }),
      api.app.inject({ method: 'GET', url: `/api/${alice.id}/tasks` }),
      api.app.inject({
        method: 'POST',
        url: `/api/${alice.id}/tasks`,
        headers: { ...bearer(alice.token), 'content-type': 'text/plain' },
        payload: 'x',
      }),
    ])
    const ids = responses.map((response) => response.headers['x-request-id'])
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/)
    expect(new Set(ids).size).toBe(ids.length)
  })

  test("a caller's well-formed x-request-id is kept; a malformed one is replaced", async () => {
    const kept = await api.app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'web-1234.abc' },
    })
    expect(kept.headers['x-request-id']).toBe('web-1234.abc')
    for (const bad of ['has spaces', 'x'.repeat(200), 'new\\nline']) {
      const replaced = await api.app.inject({
        method: 'GET',
        url: '/health',
        headers: { 'x-request-id': bad },
      })
      expect(replaced.headers['x-request-id']).not.toBe(bad)
    }
  })
})

describe('logs', () => {
  test('every line about a request names its request id', async () => {
    logLines.length = 0
    const response = await api.app.inject({
      method: 'GET',
      url: `/api/${alice.id}/tasks`,
      headers: bearer(alice.token),
    })
    const id = response.headers['x-request-id']
    const lines = logLines.map(
      (line) =>
        JSON.parse(line) as {
          reqId?: string
          msg?: string
          req?: { method?: string; url?: string }
          res?: { statusCode?: number }
        },
    )
    // One access-log line per request, with what was asked and how it was answered.
    expect(lines.filter((line) => line.msg === 'request completed')).toEqual([
      expect.objectContaining({
        req: expect.objectContaining({ method: 'GET', url: `/api/${alice.id}/tasks` }),
        res: { statusCode: 200 },
      }),
    ])
    for (const line of lines) expect(line.reqId).toBe(id)
  })

  test('never contain a token or a cookie, wherever the client put it', async () => {
    logLines.length = 0
    await api.app.inject({
      method: 'GET',
      url: `/api/${alice.id}/tasks`,
      headers: bearer(alice.token),
    })
    await api.app.inject({
      method: 'GET',
      url: `/api/${alice.id}/tasks`,
      headers: { cookie: `${JWT_COOKIE_NAME}=${alice.token}` },
    })
    await api.app.inject({
      method: 'GET',
      url: `/api/${alice.id}/tasks?access_token=${alice.token}&q=milk`,
    })
    await api.app.inject({
      method: 'GET',
      url: `/api/${alice.id}/tasks`,
      headers: bearer(`${alice.token}tampered`),
    })
    const output = logLines.join('\n')
    expect(output.length).toBeGreaterThan(0)
    const signature = alice.token.split('.')[2] as string
    expect(output).not.toContain(signature)
    expect(output).not.toContain(alice.token.split('.')[1] as string)
    expect(output).toContain('access_token=%5Bredacted%5D')
  })

  test('a database connection dropped while idle is logged without connection details, and the api keeps serving', async () => {
    expect((await api.app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200)
    logLines.length = 0
    await api.db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'taskwise-api' and datname = current_database()`,
    )
    const deadline = Date.now() + 5_000
    while (!logLines.some((line) => line.includes('idle database connection lost'))) {
      if (Date.now() > deadline) throw new Error('the lost connection was not logged')
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const line = logLines.find((entry) => entry.includes('idle database connection lost')) as string
    expect(JSON.parse(line)).toMatchObject({ err: { code: '57P01' } })
    expect(line).not.toContain('connectionParameters')
    expect(line).not.toContain(new URL(api.database.url).pathname.slice(1))
    expect((await api.app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200)
  })

  test('logged errors keep their message and cause but not query parameters', () => {
    const error = new Error('Failed query: select 1 where id = $1\nparams: secret-user-data', {
      cause: Object.assign(new Error('connect ECONNREFUSED'), {
        code: 'ECONNREFUSED',
        client: { password: 'pw' },
      }),
    })
    const logged = serializeError(error)
    expect(logged.message).toBe('Failed query: select 1 where id = $1\nparams: [redacted]')
    expect(logged.cause).toMatchObject({ message: 'connect ECONNREFUSED', code: 'ECONNREFUSED' })
    expect(JSON.stringify(logged)).not.toContain('pw')
    expect(JSON.stringify(logged)).not.toContain('secret-user-data')
    expect(logged.stack).toContain('params: [redacted]')
  })

  test('redactUrl hides secret-looking query parameters and keeps the rest', () => {
    expect(redactUrl('/api/x/tasks?token=abc&q=milk&limit=5')).toBe(
      '/api/x/tasks?token=%5Bredacted%5D&q=milk&limit=5',
    )
    expect(redactUrl('/health')).toBe('/health')
  })
})

describe('errors', () => {
  let bare: FastifyInstance
  const lines: string[] = []

  beforeAll(async () => {
    bare = await buildApp({
      config: loadConfig({
        DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
        LOG_LEVEL: 'error',
      }),
      jwksSource: async () => ({ keys: [] }),
      logStream: { write: (line) => void lines.push(line) },
    })
    bare.get('/explode', async () => {
      throw new Error('secret internals: password=hunter2 at /srv/app/db.ts:42')
    })
    await bare.ready()
  })
  afterAll(async () => {
    await bare?.close()
  })

  test('a 500 says nothing about the cause, and the log has it with the request id', async () => {
    const response = await bare.inject({ method: 'GET', url: '/explode' })
    expect(response.statusCode).toBe(500)
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(response.json()).toMatchObject({ status: 500, code: 'internal_error' })
    expect(response.body).not.toContain('hunter2')
    expect(response.body).not.toContain('db.ts')
    const logged = lines.map(
      (line) => JSON.parse(line) as { reqId?: string; err?: { message?: string } },
    )
    expect(logged).toContainEqual(
      expect.objectContaining({
        reqId: response.headers['x-request-id'],
        err: expect.objectContaining({ message: expect.stringContaining('secret internals') }),
      }),
    )
  })

  test('an unknown route is a problem+json 404', async () => {
    const response = await api.app.inject({ method: 'GET', url: '/api' })
    expect(response.statusCode).toBe(404)
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(response.json()).toMatchObject({ code: 'not_found' })
  })
})

describe('security headers', () => {
  test('api responses forbid framing, sniffing and any active content', async () => {
    const response = await api.app.inject({
      method: 'GET',
      url: `/api/${alice.id}/tasks`,
      headers: bearer(alice.token),
    })
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['content-security-policy']).toContain("default-src 'none'")
    expect(response.headers['strict-transport-security']).toBeDefined()
  })
})

describe('OpenAPI', () => {
  test('/openapi.json is an OpenAPI 3.1 document of every task route, from the zod schemas', async () => {
    const response = await api.app.inject({ method: 'GET', url: '/openapi.json' })
    expect(response.statusCode).toBe(200)
    const document = response.json() as {
      openapi: string
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: { content: Record<string, { schema: Record<string, unknown> }> }
            responses: Record<string, unknown>
          }
        >
      >
      components: { schemas: Record<string, unknown> }
    }
    expect(document.openapi).toBe('3.1.0')
    expect(Object.keys(document.paths['/api/{user_id}/tasks'] ?? {}).sort()).toEqual([
      'get',
      'head',
      'post',
    ])
    expect(Object.keys(document.paths['/api/{user_id}/tasks/{task_id}'] ?? {}).sort()).toEqual([
      'delete',
      'get',
      'head',
      'put',
    ])
    expect(Object.keys(document.paths['/api/{user_id}/tasks/{task_id}/complete'] ?? {})).toEqual([
      'patch',
    ])
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/health', '/ready']))
    expect(document.components.schemas).toHaveProperty('Task')
    const serialized = JSON.stringify(document)
    // Strict inputs: unknown fields are refused, and the document says so.
    expect(serialized).toContain('"additionalProperties":false')
    expect(serialized).toContain('"maxLength":200')
  })

  test('/docs serves the browsable UI', async () => {
    const response = await api.app.inject({ method: 'GET', url: '/docs/' })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toMatch(/text\/html/)
    expect(response.body).toContain('swagger-ui')
    expect(response.headers['content-security-policy']).toContain("script-src 'self'")
  })
})
