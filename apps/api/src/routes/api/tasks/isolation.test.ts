import { taskListSchema, taskSchema, type Task } from '@taskwise/contracts/task'
import { task } from '@taskwise/db/schema/task'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { bearer, createTestApi, type TestApi, type TestUser } from '../../../testing/harness'

/** No user can see, change or even detect another user's tasks. */

let api: TestApi
let alice: TestUser
let bob: TestUser
let bobsTask: Task

beforeAll(async () => {
  api = await createTestApi()
  alice = await api.createUser()
  bob = await api.createUser()
  const response = await api.app.inject({
    method: 'POST',
    url: `/api/${bob.id}/tasks`,
    headers: bearer(bob.token),
    payload: { title: "Bob's secret", description: 'only for Bob', category: 'private' },
  })
  bobsTask = taskSchema.parse(response.json())
})

afterAll(async () => {
  await api?.close()
})

async function bobsRow() {
  const [row] = await api.db.select().from(task).where(eq(task.id, bobsTask.id))
  return row
}

describe("a user against another user's task, through their own {user_id}", () => {
  const attempts = [
    ['GET', '', undefined],
    ['PUT', '', { title: 'pwned', completed: true }],
    ['DELETE', '', undefined],
    ['PATCH', '/complete', undefined],
    ['PATCH', '/complete', { completed: true }],
  ] as const

  test.each(attempts)(
    "%s%s is a 404 exactly like a task that does not exist, and Bob's row is unchanged",
    async (method, suffix, payload) => {
      const before = await bobsRow()
      const theirs = await api.app.inject({
        method,
        url: `/api/${alice.id}/tasks/${bobsTask.id}${suffix}`,
        headers: bearer(alice.token),
        payload,
      })
      const missing = await api.app.inject({
        method,
        url: `/api/${alice.id}/tasks/00000000-0000-4000-8000-000000000000${suffix}`,
        headers: bearer(alice.token),
        payload,
      })
      expect(theirs.statusCode).toBe(404)
      expect(missing.statusCode).toBe(404)
      // Indistinguishable: same body apart from nothing at all.
      expect(theirs.json()).toEqual(missing.json())
      expect(await bobsRow()).toEqual(before)
    },
  )
})

describe("a user using another user's {user_id}", () => {
  test.each([
    ['GET', ''],
    ['POST', ''],
    ['GET', `/TASK`],
    ['PUT', `/TASK`],
    ['DELETE', `/TASK`],
    ['PATCH', `/TASK/complete`],
  ] as const)('%s …/tasks%s is a 403 and changes nothing', async (method, suffix) => {
    const before = await bobsRow()
    const response = await api.app.inject({
      method,
      url: `/api/${bob.id}/tasks${suffix.replace('TASK', bobsTask.id)}`,
      headers: bearer(alice.token),
      payload: method === 'POST' || method === 'PUT' ? { title: 'pwned' } : undefined,
    })
    expect(response.statusCode).toBe(403)
    expect(response.json()).toMatchObject({ code: 'forbidden' })
    expect(await bobsRow()).toEqual(before)
    expect(await api.db.select().from(task).where(eq(task.title, 'pwned'))).toHaveLength(0)
  })
})

describe('the owner comes from the token alone', () => {
  test('a userId in the body is an unknown field: nothing is created for Bob (or anyone)', async () => {
    const response = await api.app.inject({
      method: 'POST',
      url: `/api/${alice.id}/tasks`,
      headers: bearer(alice.token),
      payload: { title: 'planted', userId: bob.id },
    })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toMatchObject({
      errors: [expect.objectContaining({ path: 'userId', code: 'unknown_field' })],
    })
    expect(await api.db.select().from(task).where(eq(task.title, 'planted'))).toHaveLength(0)
  })

  test('a userId in the body of an update cannot move a task to Bob', async () => {
    const created = await api.app.inject({
      method: 'POST',
      url: `/api/${alice.id}/tasks`,
      headers: bearer(alice.token),
      payload: { title: 'mine' },
    })
    const id = (created.json() as Task).id
    const response = await api.app.inject({
      method: 'PUT',
      url: `/api/${alice.id}/tasks/${id}`,
      headers: bearer(alice.token),
      payload: { userId: bob.id },
    })
    expect(response.statusCode).toBe(400)
    const [row] = await api.db.select().from(task).where(eq(task.id, id))
    expect(row?.userId).toBe(alice.id)
  })

  test("a userId in the query string shows nothing of Bob's", async () => {
    for (const query of [`userId=${bob.id}`, `user_id=${bob.id}`, `category=private`, `q=secret`]) {
      const response = await api.app.inject({
        method: 'GET',
        url: `/api/${alice.id}/tasks?${query}`,
        headers: bearer(alice.token),
      })
      expect(response.statusCode).toBe(200)
      const list = taskListSchema.parse(response.json())
      expect(list.items.map((item) => item.id)).not.toContain(bobsTask.id)
      expect(list.items.every((item) => item.userId === alice.id)).toBe(true)
    }
  })

  test("Alice's list never includes Bob's tasks, and Bob's list has them", async () => {
    const mine = taskListSchema.parse(
      (
        await api.app.inject({
          method: 'GET',
          url: `/api/${alice.id}/tasks?limit=100`,
          headers: bearer(alice.token),
        })
      ).json(),
    )
    expect(mine.items.every((item) => item.userId === alice.id)).toBe(true)
    const his = taskListSchema.parse(
      (
        await api.app.inject({
          method: 'GET',
          url: `/api/${bob.id}/tasks?limit=100`,
          headers: bearer(bob.token),
        })
      ).json(),
    )
    expect(his.items.map((item) => item.id)).toContain(bobsTask.id)
  })
})
