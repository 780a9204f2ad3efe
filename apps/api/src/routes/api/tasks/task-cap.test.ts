import { task } from '@taskwise/db/schema/task'
import { count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { bearer, createTestApi, type TestApi, type TestUser } from '../../../testing/harness'

const CAP = 5

let api: TestApi

beforeAll(async () => {
  api = await createTestApi({ env: { API_MAX_TASKS_PER_USER: String(CAP) } })
})

afterAll(async () => {
  await api?.close()
})

const create = (user: TestUser, title = 'A task') =>
  api.app.inject({
    method: 'POST',
    url: `/api/${user.id}/tasks`,
    headers: bearer(user.token),
    payload: { title },
  })

const importTasks = (user: TestUser, titles: string[]) =>
  api.app.inject({
    method: 'POST',
    url: `/api/${user.id}/tasks/import`,
    headers: bearer(user.token),
    payload: { version: 1, tasks: titles.map((title) => ({ title })) },
  })

async function storedCount(user: TestUser): Promise<number> {
  const [row] = await api.db.select({ n: count() }).from(task).where(eq(task.userId, user.id))
  return row?.n ?? 0
}

function expectCapProblem(response: Awaited<ReturnType<typeof create>>) {
  expect(response.statusCode).toBe(409)
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/)
  const body = response.json() as { code: string; detail: string }
  expect(body.code).toBe('task_limit_reached')
  expect(body.detail).toContain(`at most ${CAP} tasks`)
}

test('past the cap a new task is refused with 409 task_limit_reached; deleting one makes room', async () => {
  const alice = await api.createUser()
  const ids: string[] = []
  for (let index = 0; index < CAP; index += 1) {
    const response = await create(alice, `Task ${index}`)
    expect(response.statusCode).toBe(201)
    ids.push((response.json() as { id: string }).id)
  }
  expectCapProblem(await create(alice, 'One too many'))
  expect(await storedCount(alice)).toBe(CAP)

  // Another user has a cap of their own.
  const bob = await api.createUser()
  expect((await create(bob)).statusCode).toBe(201)

  const removed = await api.app.inject({
    method: 'DELETE',
    url: `/api/${alice.id}/tasks/${ids[0]}`,
    headers: bearer(alice.token),
  })
  expect(removed.statusCode).toBe(204)
  expect((await create(alice, 'Room again')).statusCode).toBe(201)
})

test('an import that would pass the cap imports nothing; one that fits imports everything', async () => {
  const alice = await api.createUser()
  expect((await create(alice)).statusCode).toBe(201)
  const tooMany = await importTasks(alice, ['a', 'b', 'c', 'd', 'e'])
  expectCapProblem(tooMany)
  expect((tooMany.json() as { detail: string }).detail).toContain('room for 4')
  expect(await storedCount(alice)).toBe(1)

  const fits = await importTasks(alice, ['a', 'b', 'c', 'd'])
  expect(fits.statusCode).toBe(201)
  expect(fits.json()).toEqual({ imported: 4 })
  expect(await storedCount(alice)).toBe(CAP)
})

test('parallel creates and imports cannot together pass the cap', async () => {
  const alice = await api.createUser()
  const answers = await Promise.all([
    ...Array.from({ length: 12 }, (_, index) => create(alice, `Parallel ${index}`)),
    importTasks(alice, ['x', 'y']),
    importTasks(alice, ['z']),
  ])
  const statuses = answers.map((answer) => answer.statusCode)
  expect(statuses.every((status) => status === 201 || status === 409)).toBe(true)
  const created = answers.reduce((sum, answer, index) => {
    if (answer.statusCode !== 201) return sum
    return sum + (index < 12 ? 1 : (answer.json() as { imported: number }).imported)
  }, 0)
  // Twelve single creates for five places: some were refused, so the cap was reached, exactly.
  expect(created).toBe(CAP)
  expect(await storedCount(alice)).toBe(CAP)
})
