import { randomUUID } from 'node:crypto'
import Fastify, { type RouteOptions } from 'fastify'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { app as taskwiseApi, serverOptions } from '../../app'
import { loadConfig } from '../../config'
import { OUTSIDE_THE_API, servedDocument } from '../../testing/checked-inject'
import { bearer, createTestApi, type TestApi, type TestUser } from '../../testing/harness'
import { openApiDocumentErrors } from '../../testing/openapi-validity'
import { openApiPath } from './openapi-document'

interface Operation {
  parameters?: { in: string; name: string; required?: boolean; schema: Record<string, unknown> }[]
  requestBody?: { required: boolean; content: Record<string, unknown> }
  responses: Record<
    string,
    { content?: Record<string, unknown>; headers?: Record<string, { required?: boolean }> }
  >
}

interface Document {
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> }
}

let api: TestApi
let alice: TestUser
let document: Document

beforeAll(async () => {
  api = await createTestApi()
  alice = await api.createUser()
  document = (await servedDocument(api.app)) as unknown as Document
})

afterAll(async () => {
  await api?.close()
})

function operations(): { method: string; path: string; operation: Operation }[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ method, path, operation })),
  )
}

describe('/openapi.json', () => {
  test('is a valid OpenAPI 3.1 document', async () => {
    expect(await openApiDocumentErrors(document as unknown as Record<string, unknown>)).toEqual([])
  })

  test('names every method and path the api serves, and nothing else', async () => {
    // The app as server.ts builds it, with every route it registers recorded.
    const config = loadConfig({ DATABASE_URL: 'postgres://taskwise@127.0.0.1:1/unused' })
    const fastify = Fastify({ ...serverOptions(config), logger: false })
    const served: string[] = []
    fastify.addHook('onRoute', (route: RouteOptions) => {
      if (OUTSIDE_THE_API(route.url)) return
      for (const method of [route.method].flat()) served.push(`${method} ${openApiPath(route.url)}`)
    })
    await fastify.register(taskwiseApi, { config })
    await fastify.ready()
    await fastify.close()
    const documented = operations().map(({ method, path }) => `${method.toUpperCase()} ${path}`)
    expect(documented.sort()).toEqual([...new Set(served)].sort())
  })

  test('the list and create path is /api/{user_id}/tasks; /tasks/ is not a route (404)', async () => {
    expect(Object.keys(document.paths).filter((path) => path.endsWith('/'))).toEqual([])
    expect(Object.keys(document.paths['/api/{user_id}/tasks'] ?? {}).sort()).toEqual([
      'get',
      'head',
      'post',
    ])
    for (const method of ['GET', 'POST'] as const) {
      const response = await api.app.inject({
        method,
        url: `/api/${alice.id}/tasks/`,
        headers: bearer(alice.token),
        ...(method === 'POST' ? { payload: { title: 'a trailing slash' } } : {}),
      })
      expect(response.statusCode).toBe(404)
      expect(response.json()).toMatchObject({ code: 'not_found' })
    }
    const empty = await api.app.inject({ method: 'GET', url: '/api//tasks' })
    expect(empty.statusCode).toBe(404)
  })

  test('PATCH …/complete takes an optional body (it toggles without one); POST and PUT require theirs', async () => {
    const bodies = operations()
      .filter(({ operation }) => operation.requestBody)
      .map(({ method, path, operation }) => [`${method} ${path}`, operation.requestBody?.required])
    expect(Object.fromEntries(bodies)).toMatchObject({
      'post /api/{user_id}/tasks': true,
      'put /api/{user_id}/tasks/{task_id}': true,
      'patch /api/{user_id}/tasks/{task_id}/complete': false,
    })
    const created = await api.app.inject({
      method: 'POST',
      url: `/api/${alice.id}/tasks`,
      headers: bearer(alice.token),
      payload: { title: 'toggle me' },
    })
    const toggled = await api.app.inject({
      method: 'PATCH',
      url: `/api/${alice.id}/tasks/${created.json<{ id: string }>().id}/complete`,
      headers: bearer(alice.token),
    })
    expect(toggled.statusCode).toBe(200)
    expect(toggled.json()).toMatchObject({ completed: true })
  })

  test('every error is a problem+json, with WWW-Authenticate on 401, Retry-After on 503, Location on 201', () => {
    for (const { method, path, operation } of operations()) {
      for (const [status, response] of Object.entries(operation.responses)) {
        const where = `${method} ${path} ${status}`
        if (Number(status) >= 400) {
          expect(Object.keys(response.content ?? {}), where).toEqual(['application/problem+json'])
        }
        const required = Object.entries(response.headers ?? {})
          .filter(([, header]) => header.required)
          .map(([name]) => name)
        if (status === '401') expect(required, where).toContain('WWW-Authenticate')
        if (status === '503') expect(required, where).toContain('Retry-After')
        if (status === '201' && path === '/api/{user_id}/tasks') {
          expect(required, where).toContain('Location')
        }
      }
    }
  })

  test('every task operation needs a token and documents 400, 401 and 403; 404 where a task is named', () => {
    const taskOperations = operations().filter(({ path }) => path.startsWith('/api/'))
    expect(taskOperations.length).toBeGreaterThanOrEqual(11)
    for (const { method, path, operation } of taskOperations) {
      const statuses = Object.keys(operation.responses)
      expect(statuses, `${method} ${path}`).toEqual(expect.arrayContaining(['400', '401', '403']))
      if (path.includes('{task_id}')) expect(statuses, `${method} ${path}`).toContain('404')
      expect((operation as { security?: unknown }).security).toEqual([
        { bearer: [] },
        { cookie: [] },
      ])
    }
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual(['bearer', 'cookie'])
  })

  test('path parameters are UUIDs; the list query has its enums, limits and defaults', () => {
    const list = document.paths['/api/{user_id}/tasks']?.get
    const parameter = (name: string) => list?.parameters?.find((entry) => entry.name === name)
    expect(parameter('user_id')).toMatchObject({ in: 'path', required: true })
    expect(parameter('user_id')?.schema).toMatchObject({ type: 'string', format: 'uuid' })
    expect(parameter('status')?.schema).toMatchObject({ enum: ['all', 'pending', 'completed'] })
    expect(parameter('priority')?.schema).toMatchObject({ enum: ['low', 'medium', 'high'] })
    expect(parameter('limit')?.schema).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 100,
      default: 20,
    })
    expect(parameter('sort')?.schema).toMatchObject({ default: '-created' })
    expect(parameter('q')?.schema).toMatchObject({ maxLength: 200 })
    const one = document.paths['/api/{user_id}/tasks/{task_id}']?.get
    expect(one?.parameters?.find((entry) => entry.name === 'task_id')?.schema).toMatchObject({
      format: 'uuid',
    })
  })

  test('the operations of the health checks and the document need no token', () => {
    for (const path of ['/health', '/ready', '/openapi.json']) {
      expect(document.paths[path]?.get).toBeDefined()
      expect((document.paths[path]?.get as { security?: unknown }).security).toBeUndefined()
    }
  })
})

describe('the harness checks every answer against the document', () => {
  test('an answer with a status or a body the document does not allow fails the request', async () => {
    // The same api, checked against a document that is wrong on purpose.
    const strict = await createTestApi({
      contractDocument: (served) => {
        const edited = structuredClone(served) as unknown as Document
        delete edited.paths['/api/{user_id}/tasks/{task_id}']?.get?.responses['404']
        const task = edited.components.schemas.Task as { required: string[] }
        task.required.push('colour')
        return edited as unknown as Record<string, unknown>
      },
    })
    try {
      const bob = await strict.createUser()
      await expect(
        strict.app.inject({
          method: 'GET',
          url: `/api/${bob.id}/tasks/${randomUUID()}`,
          headers: bearer(bob.token),
        }),
      ).rejects.toThrow(
        /status 404 is not documented for GET \/api\/\{user_id\}\/tasks\/\{task_id\}/,
      )
      await expect(
        strict.app.inject({
          method: 'POST',
          url: `/api/${bob.id}/tasks`,
          headers: bearer(bob.token),
          payload: { title: 'no colour' },
        }),
      ).rejects.toThrow(/the body does not match the document: .*required property 'colour'/)
    } finally {
      await strict.close()
    }
  })
})
