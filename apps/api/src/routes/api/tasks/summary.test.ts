import { taskSummarySchema } from '@taskwise/contracts/task-transfer'
import { task, type NewTaskRow } from '@taskwise/db/schema/task'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { bearer, createTestApi, type TestApi, type TestUser } from '../../../testing/harness'

let api: TestApi
let alice: TestUser
let bob: TestUser

beforeAll(async () => {
  api = await createTestApi()
  alice = await api.createUser()
  bob = await api.createUser()
})

afterAll(async () => {
  await api?.close()
})

const summaryUrl = (user: TestUser, query = '') => `/api/${user.id}/tasks/summary${query}`

/** The date `days` after `date` (both YYYY-MM-DD). */
function addDays(date: string, days: number): string {
  const moved = new Date(`${date}T00:00:00Z`)
  moved.setUTCDate(moved.getUTCDate() + days)
  return moved.toISOString().slice(0, 10)
}

async function insertTasks(user: TestUser, rows: Partial<NewTaskRow>[]): Promise<void> {
  await api.db.insert(task).values(
    rows.map((row, index) => ({
      userId: user.id,
      title: `Task ${index}`,
      ...row,
      completedAt: row.completed ? new Date() : null,
    })),
  )
}

async function summary(user: TestUser, query = '') {
  const response = await api.app.inject({
    method: 'GET',
    url: summaryUrl(user, query),
    headers: bearer(user.token),
  })
  expect(response.statusCode).toBe(200)
  return taskSummarySchema.parse(response.json())
}

describe('GET /api/{user_id}/tasks/summary', () => {
  test('a user with no tasks has every count at zero', async () => {
    const nobody = await api.createUser()
    expect(await summary(nobody)).toEqual({ pending: 0, completed: 0, overdue: 0, dueToday: 0 })
  })

  test('overdue and due today count pending tasks, relative to the date the caller sends', async () => {
    const user = await api.createUser()
    const today = '2026-11-27'
    await insertTasks(user, [
      { dueDate: '2026-11-26' }, // overdue
      { dueDate: '2025-01-01' }, // overdue
      { dueDate: today }, // due today
      { dueDate: '2026-11-28' }, // due tomorrow
      { dueDate: null },
      { dueDate: '2026-11-26', completed: true }, // done: neither overdue nor due
      { dueDate: today, completed: true },
    ])
    expect(await summary(user, `?today=${today}`)).toEqual({
      pending: 5,
      completed: 2,
      overdue: 2,
      dueToday: 1,
    })
    // A day later, for someone whose date has already moved on.
    expect(await summary(user, '?today=2026-11-28')).toEqual({
      pending: 5,
      completed: 2,
      overdue: 3,
      dueToday: 1,
    })
  })

  test("without ?today it counts from the server's date in UTC", async () => {
    const user = await api.createUser()
    const utcToday = new Date().toISOString().slice(0, 10)
    await insertTasks(user, [
      { dueDate: addDays(utcToday, -1) },
      { dueDate: utcToday },
      { dueDate: utcToday },
      { dueDate: addDays(utcToday, 1) },
    ])
    expect(await summary(user)).toEqual({ pending: 4, completed: 0, overdue: 1, dueToday: 2 })
  })

  test('the counts are exact far beyond a page of the list', async () => {
    const user = await api.createUser()
    await insertTasks(user, [
      ...Array.from({ length: 1_234 }, () => ({})),
      ...Array.from({ length: 56 }, () => ({ completed: true })),
    ])
    expect(await summary(user, '?today=2026-11-27')).toMatchObject({
      pending: 1_234,
      completed: 56,
    })
  })

  test("another user's tasks are never counted", async () => {
    await insertTasks(bob, [{ dueDate: '2020-01-01' }, { completed: true }])
    await insertTasks(alice, [{ dueDate: '2020-01-01' }])
    expect(await summary(alice, '?today=2026-11-27')).toEqual({
      pending: 1,
      completed: 0,
      overdue: 1,
      dueToday: 0,
    })
  })

  test.each(['yesterday', '2026-02-30', '2026-11-27T00:00:00Z', '0000-01-01', '27/11/2026'])(
    'a today of %j is a 400 naming the parameter',
    async (today) => {
      const response = await api.app.inject({
        method: 'GET',
        url: summaryUrl(alice, `?today=${encodeURIComponent(today)}`),
        headers: bearer(alice.token),
      })
      expect(response.statusCode).toBe(400)
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/)
      expect(response.json()).toMatchObject({
        code: 'validation_failed',
        errors: [expect.objectContaining({ location: 'query', path: 'today' })],
      })
    },
  )

  test('without a token it is a 401; for another user it is a 403', async () => {
    const anonymous = await api.app.inject({ method: 'GET', url: summaryUrl(alice) })
    expect(anonymous.statusCode).toBe(401)
    const crossUser = await api.app.inject({
      method: 'GET',
      url: summaryUrl(bob),
      headers: bearer(alice.token),
    })
    expect(crossUser.statusCode).toBe(403)
    expect(crossUser.json()).toMatchObject({ code: 'forbidden' })
  })
})
