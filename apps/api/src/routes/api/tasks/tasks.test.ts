import { randomUUID } from 'node:crypto'
import { taskSchema, type Task } from '@taskwise/contracts/task'
import { task } from '@taskwise/db/schema/task'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { bearer, createTestApi, type TestApi, type TestUser } from '../../../testing/harness'

let api: TestApi
let alice: TestUser

beforeAll(async () => {
  api = await createTestApi()
  alice = await api.createUser()
})

afterAll(async () => {
  await api?.close()
})

const tasksUrl = (user: TestUser) => `/api/${user.id}/tasks`

async function createTask(user: TestUser, body: Record<string, unknown> = {}): Promise<Task> {
  const response = await api.app.inject({
    method: 'POST',
    url: tasksUrl(user),
    headers: bearer(user.token),
    payload: { title: 'Buy milk', ...body },
  })
  expect(response.statusCode).toBe(201)
  return taskSchema.parse(response.json())
}

function expectProblem(
  response: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
  status: number,
  code: string,
) {
  expect(response.statusCode).toBe(status)
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/)
  const body = response.json() as Record<string, unknown>
  expect(body).toMatchObject({ status, code, type: `urn:taskwise:problem:${code}` })
  expect(typeof body.title).toBe('string')
  expect(typeof body.detail).toBe('string')
  expect(JSON.stringify(body)).not.toMatch(/\bat .+\.(ts|js):\d+/) // no stack trace
  return body
}

describe('POST /api/{user_id}/tasks', () => {
  test('creating a task answers 201 with the task and a Location that serves it', async () => {
    const response = await api.app.inject({
      method: 'POST',
      url: tasksUrl(alice),
      headers: bearer(alice.token),
      payload: {
        title: '  Write the report  ',
        description: 'Q3 numbers',
        priority: 'high',
        category: 'work',
        dueDate: '2026-12-01',
      },
    })
    expect(response.statusCode).toBe(201)
    const created = taskSchema.parse(response.json())
    expect(created).toMatchObject({
      userId: alice.id,
      title: 'Write the report',
      description: 'Q3 numbers',
      completed: false,
      priority: 'high',
      category: 'work',
      dueDate: '2026-12-01',
      completedAt: null,
    })
    expect(response.headers.location).toBe(`/api/${alice.id}/tasks/${created.id}`)

    const fetched = await api.app.inject({
      method: 'GET',
      url: response.headers.location as string,
      headers: bearer(alice.token),
    })
    expect(fetched.statusCode).toBe(200)
    expect(fetched.json()).toEqual(created)
  })

  test('a new task gets defaults for everything but the title', async () => {
    const created = await createTask(alice, { title: 'Just a title' })
    expect(created).toMatchObject({
      description: '',
      priority: 'medium',
      category: null,
      dueDate: null,
      completed: false,
    })
    expect(created.createdAt).toBe(created.updatedAt)
  })

  test('a task created completed carries a completedAt', async () => {
    const created = await createTask(alice, { completed: true })
    expect(created.completed).toBe(true)
    expect(created.completedAt).not.toBeNull()
  })

  test('an unknown field is refused with a 400 that names it, and nothing is stored', async () => {
    const before = await api.db.select().from(task).where(eq(task.userId, alice.id))
    const response = await api.app.inject({
      method: 'POST',
      url: tasksUrl(alice),
      headers: bearer(alice.token),
      payload: { title: 'x', colour: 'red' },
    })
    const body = expectProblem(response, 400, 'validation_failed')
    expect(body.errors).toEqual([
      expect.objectContaining({ location: 'body', path: 'colour', code: 'unknown_field' }),
    ])
    expect(body.detail).toContain('colour')
    const after = await api.db.select().from(task).where(eq(task.userId, alice.id))
    expect(after).toHaveLength(before.length)
  })

  test.each([
    ['an empty title', { title: '   ' }, 'title'],
    ['a title over 200 characters', { title: 'x'.repeat(201) }, 'title'],
    [
      'a description over 2,000 characters',
      { title: 't', description: 'x'.repeat(2001) },
      'description',
    ],
    ['a category over 50 characters', { title: 't', category: 'x'.repeat(51) }, 'category'],
    ['an unknown priority', { title: 't', priority: 'urgent' }, 'priority'],
    ['a due date that is not a date', { title: 't', dueDate: '2026-02-30' }, 'dueDate'],
    ['a title that is a number', { title: 42 }, 'title'],
  ])('%s is a 400 naming the field', async (_name, payload, field) => {
    const response = await api.app.inject({
      method: 'POST',
      url: tasksUrl(alice),
      headers: bearer(alice.token),
      payload,
    })
    const body = expectProblem(response, 400, 'validation_failed')
    expect(body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: field })]))
  })

  test('a body that is not valid JSON is a 400', async () => {
    const response = await api.app.inject({
      method: 'POST',
      url: tasksUrl(alice),
      headers: { ...bearer(alice.token), 'content-type': 'application/json' },
      payload: '{"title": "unterminated',
    })
    expectProblem(response, 400, 'malformed_json')
  })

  test('a missing body is a 400', async () => {
    const response = await api.app.inject({
      method: 'POST',
      url: tasksUrl(alice),
      headers: bearer(alice.token),
    })
    expectProblem(response, 400, 'validation_failed')
  })

  test.each([
    ['text/plain', 'title=x'],
    ['application/x-www-form-urlencoded', 'title=x'],
    ['multipart/form-data; boundary=x', '--x\r\n\r\n--x--'],
  ])('a %s body is a 415', async (contentType, payload) => {
    const response = await api.app.inject({
      method: 'POST',
      url: tasksUrl(alice),
      headers: { ...bearer(alice.token), 'content-type': contentType },
      payload,
    })
    expectProblem(response, 415, 'unsupported_media_type')
  })

  test('a body over 16 KiB is a 413 and nothing is stored', async () => {
    const response = await api.app.inject({
      method: 'POST',
      url: tasksUrl(alice),
      headers: { ...bearer(alice.token), 'content-type': 'application/json' },
      payload: JSON.stringify({ title: 'big', description: 'x'.repeat(17 * 1024) }),
    })
    expectProblem(response, 413, 'payload_too_large')
    const rows = await api.db.select().from(task).where(eq(task.title, 'big'))
    expect(rows).toHaveLength(0)
  })

  test('HTML and SQL metacharacters are stored and returned literally', async () => {
    const title = `<script>alert("x")</script>'; DROP TABLE task; --`
    const description = `%_\\ ' " <img src=x onerror=alert(1)> $1 ?`
    const created = await createTask(alice, { title, description })
    expect(created.title).toBe(title)
    expect(created.description).toBe(description)
    const [row] = await api.db.select().from(task).where(eq(task.id, created.id))
    expect(row?.title).toBe(title)
    expect(row?.description).toBe(description)
    const fetched = await api.app.inject({
      method: 'GET',
      url: `${tasksUrl(alice)}/${created.id}`,
      headers: bearer(alice.token),
    })
    expect(fetched.headers['content-type']).toMatch(/^application\/json/)
    expect(fetched.json()).toMatchObject({ title, description })
  })
})

describe('GET /api/{user_id}/tasks/{task_id}', () => {
  test('a task id that does not exist is a 404', async () => {
    const response = await api.app.inject({
      method: 'GET',
      url: `${tasksUrl(alice)}/${randomUUID()}`,
      headers: bearer(alice.token),
    })
    expectProblem(response, 404, 'not_found')
  })

  test('a malformed task id is a 400', async () => {
    const response = await api.app.inject({
      method: 'GET',
      url: `${tasksUrl(alice)}/not-a-uuid`,
      headers: bearer(alice.token),
    })
    const body = expectProblem(response, 400, 'validation_failed')
    expect(body.errors).toEqual([expect.objectContaining({ location: 'params', path: 'task_id' })])
  })

  test('the answer has exactly the contract fields, no more', async () => {
    const created = await createTask(alice)
    const response = await api.app.inject({
      method: 'GET',
      url: `${tasksUrl(alice)}/${created.id}`,
      headers: bearer(alice.token),
    })
    expect(Object.keys(response.json() as object).sort()).toEqual([
      'category',
      'completed',
      'completedAt',
      'createdAt',
      'description',
      'dueDate',
      'id',
      'priority',
      'title',
      'updatedAt',
      'userId',
    ])
  })
})

describe('PUT /api/{user_id}/tasks/{task_id}', () => {
  test('only the fields given change, and updatedAt moves forward', async () => {
    const created = await createTask(alice, {
      description: 'keep me',
      priority: 'low',
      category: 'home',
    })
    const response = await api.app.inject({
      method: 'PUT',
      url: `${tasksUrl(alice)}/${created.id}`,
      headers: bearer(alice.token),
      payload: { title: 'Buy oat milk', dueDate: '2027-01-15' },
    })
    expect(response.statusCode).toBe(200)
    const updated = taskSchema.parse(response.json())
    expect(updated).toMatchObject({
      title: 'Buy oat milk',
      dueDate: '2027-01-15',
      description: 'keep me',
      priority: 'low',
      category: 'home',
    })
    expect(updated.createdAt).toBe(created.createdAt)
    expect(Date.parse(updated.updatedAt)).toBeGreaterThan(Date.parse(created.updatedAt))
  })

  test('null clears a category and a due date', async () => {
    const created = await createTask(alice, { category: 'work', dueDate: '2027-01-01' })
    const response = await api.app.inject({
      method: 'PUT',
      url: `${tasksUrl(alice)}/${created.id}`,
      headers: bearer(alice.token),
      payload: { category: null, dueDate: null },
    })
    expect(response.json()).toMatchObject({ category: null, dueDate: null })
  })

  test('completing through PUT sets completedAt and un-completing clears it', async () => {
    const created = await createTask(alice)
    const done = await api.app.inject({
      method: 'PUT',
      url: `${tasksUrl(alice)}/${created.id}`,
      headers: bearer(alice.token),
      payload: { completed: true },
    })
    expect(done.json()).toMatchObject({ completed: true, completedAt: expect.any(String) })
    const undone = await api.app.inject({
      method: 'PUT',
      url: `${tasksUrl(alice)}/${created.id}`,
      headers: bearer(alice.token),
      payload: { completed: false },
    })
    expect(undone.json()).toMatchObject({ completed: false, completedAt: null })
  })

  test('an empty update is a 400 and changes nothing', async () => {
    const created = await createTask(alice)
    const response = await api.app.inject({
      method: 'PUT',
      url: `${tasksUrl(alice)}/${created.id}`,
      headers: bearer(alice.token),
      payload: {},
    })
    expectProblem(response, 400, 'validation_failed')
    const [row] = await api.db.select().from(task).where(eq(task.id, created.id))
    expect(row?.updatedAt.toISOString()).toBe(created.updatedAt)
  })

  test('an invalid or unknown field is a 400 and the task is unchanged', async () => {
    const created = await createTask(alice)
    for (const payload of [
      { title: '' },
      { id: randomUUID() },
      { userId: randomUUID() },
      { createdAt: '2020-01-01T00:00:00Z' },
    ]) {
      const response = await api.app.inject({
        method: 'PUT',
        url: `${tasksUrl(alice)}/${created.id}`,
        headers: bearer(alice.token),
        payload,
      })
      expectProblem(response, 400, 'validation_failed')
    }
    const [row] = await api.db.select().from(task).where(eq(task.id, created.id))
    expect(row).toMatchObject({ title: created.title, userId: alice.id, id: created.id })
  })

  test('updating a task that does not exist is a 404', async () => {
    const response = await api.app.inject({
      method: 'PUT',
      url: `${tasksUrl(alice)}/${randomUUID()}`,
      headers: bearer(alice.token),
      payload: { title: 'ghost' },
    })
    expectProblem(response, 404, 'not_found')
  })
})

describe('PATCH /api/{user_id}/tasks/{task_id}/complete', () => {
  test('without a body it toggles completion, setting and clearing completedAt', async () => {
    const created = await createTask(alice)
    const url = `${tasksUrl(alice)}/${created.id}/complete`
    const first = await api.app.inject({ method: 'PATCH', url, headers: bearer(alice.token) })
    expect(first.statusCode).toBe(200)
    expect(first.json()).toMatchObject({ completed: true, completedAt: expect.any(String) })
    const second = await api.app.inject({ method: 'PATCH', url, headers: bearer(alice.token) })
    expect(second.json()).toMatchObject({ completed: false, completedAt: null })
  })

  test('an empty body with a JSON content type also toggles', async () => {
    const created = await createTask(alice)
    const response = await api.app.inject({
      method: 'PATCH',
      url: `${tasksUrl(alice)}/${created.id}/complete`,
      headers: { ...bearer(alice.token), 'content-type': 'application/json' },
      payload: '',
    })
    expect(response.json()).toMatchObject({ completed: true })
  })

  test('{completed} sets the state, and setting it again keeps the first completedAt', async () => {
    const created = await createTask(alice)
    const url = `${tasksUrl(alice)}/${created.id}/complete`
    const first = await api.app.inject({
      method: 'PATCH',
      url,
      headers: bearer(alice.token),
      payload: { completed: true },
    })
    const second = await api.app.inject({
      method: 'PATCH',
      url,
      headers: bearer(alice.token),
      payload: { completed: true },
    })
    expect(second.json()).toMatchObject({
      completed: true,
      completedAt: (first.json() as Task).completedAt,
    })
    const third = await api.app.inject({
      method: 'PATCH',
      url,
      headers: bearer(alice.token),
      payload: { completed: false },
    })
    expect(third.json()).toMatchObject({ completed: false, completedAt: null })
  })

  test('a body with anything but a boolean completed is a 400', async () => {
    const created = await createTask(alice)
    const url = `${tasksUrl(alice)}/${created.id}/complete`
    for (const payload of [{ completed: 'yes' }, { completed: true, title: 'x' }]) {
      const response = await api.app.inject({
        method: 'PATCH',
        url,
        headers: bearer(alice.token),
        payload,
      })
      expectProblem(response, 400, 'validation_failed')
    }
  })

  test('completing a task that does not exist is a 404', async () => {
    const response = await api.app.inject({
      method: 'PATCH',
      url: `${tasksUrl(alice)}/${randomUUID()}/complete`,
      headers: bearer(alice.token),
    })
    expectProblem(response, 404, 'not_found')
  })
})

describe('DELETE /api/{user_id}/tasks/{task_id}', () => {
  test('deleting answers 204 with no body, and the task is gone', async () => {
    const created = await createTask(alice)
    const response = await api.app.inject({
      method: 'DELETE',
      url: `${tasksUrl(alice)}/${created.id}`,
      headers: bearer(alice.token),
    })
    expect(response.statusCode).toBe(204)
    expect(response.body).toBe('')
    const again = await api.app.inject({
      method: 'GET',
      url: `${tasksUrl(alice)}/${created.id}`,
      headers: bearer(alice.token),
    })
    expectProblem(again, 404, 'not_found')
    expect(await api.db.select().from(task).where(eq(task.id, created.id))).toHaveLength(0)
  })

  test('deleting a task that does not exist is a 404', async () => {
    const response = await api.app.inject({
      method: 'DELETE',
      url: `${tasksUrl(alice)}/${randomUUID()}`,
      headers: bearer(alice.token),
    })
    expectProblem(response, 404, 'not_found')
  })
})

describe('every task route', () => {
  const routes = (userId: string, taskId: string) =>
    [
      ['GET', `/api/${userId}/tasks`],
      ['POST', `/api/${userId}/tasks`],
      ['GET', `/api/${userId}/tasks/${taskId}`],
      ['PUT', `/api/${userId}/tasks/${taskId}`],
      ['DELETE', `/api/${userId}/tasks/${taskId}`],
      ['PATCH', `/api/${userId}/tasks/${taskId}/complete`],
    ] as const

  test('answers 401 with WWW-Authenticate when there is no token', async () => {
    for (const [method, url] of routes(alice.id, randomUUID())) {
      const response = await api.app.inject({
        method,
        url,
        payload: method === 'POST' || method === 'PUT' ? { title: 'x' } : undefined,
      })
      expectProblem(response, 401, 'invalid_token')
      expect(response.headers['www-authenticate']).toMatch(/^Bearer/)
    }
  })

  test('answers 503 with Retry-After when the database is down', async () => {
    const down = await createTestApi({
      env: { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' },
    })
    try {
      const user = { id: randomUUID(), sessionId: randomUUID() }
      const token = await down.sign(user)
      for (const [method, url] of routes(user.id, randomUUID())) {
        const response = await down.app.inject({
          method,
          url,
          headers: bearer(token),
          payload: method === 'POST' || method === 'PUT' ? { title: 'x' } : undefined,
        })
        expectProblem(response, 503, 'database_unavailable')
        expect(response.headers['retry-after']).toBe('5')
      }
    } finally {
      await down.close()
    }
  })
})
