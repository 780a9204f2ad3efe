import {
  taskListSchema,
  taskSorts,
  type Task,
  type TaskList,
  type TaskSort,
} from '@taskwise/contracts/task'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { bearer, createTestApi, type TestApi, type TestUser } from '../../../testing/harness'

let api: TestApi
let owner: TestUser
let other: TestUser
let all: Task[]

const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf']
const priorities = ['low', 'medium', 'high'] as const

async function create(user: TestUser, body: Record<string, unknown>): Promise<Task> {
  const response = await api.app.inject({
    method: 'POST',
    url: `/api/${user.id}/tasks`,
    headers: bearer(user.token),
    payload: body,
  })
  expect(response.statusCode).toBe(201)
  return response.json() as Task
}

async function list(query: string, user: TestUser = owner): Promise<TaskList> {
  const response = await api.app.inject({
    method: 'GET',
    url: `/api/${user.id}/tasks?${query}`,
    headers: bearer(user.token),
  })
  expect(response.statusCode, response.body).toBe(200)
  return taskListSchema.parse(response.json())
}

async function listStatus(query: string) {
  const response = await api.app.inject({
    method: 'GET',
    url: `/api/${owner.id}/tasks?${query}`,
    headers: bearer(owner.token),
  })
  return { status: response.statusCode, body: response.json() as { code?: string } }
}

/** Every page of a list, following nextCursor; `between` runs after each page. */
async function pages(query: string, between?: (page: number) => Promise<void>): Promise<Task[]> {
  const seen: Task[] = []
  let cursor: string | null = null
  for (let page = 0; page < 100; page += 1) {
    const result: TaskList = await list(
      `${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    )
    seen.push(...result.items)
    if (!result.nextCursor) return seen
    cursor = result.nextCursor
    await between?.(page)
  }
  throw new Error('pagination did not end')
}

beforeAll(async () => {
  api = await createTestApi()
  owner = await api.createUser()
  other = await api.createUser()
  all = []
  // 21 tasks: duplicate titles, priorities and due dates (so ties must be broken), some with no due date.
  for (let index = 0; index < 21; index += 1) {
    all.push(
      await create(owner, {
        title: words[index % words.length],
        description: index % 4 === 0 ? `note ${index} about groceries` : `note ${index}`,
        priority: priorities[index % 3],
        category: index % 2 === 0 ? 'work' : 'home',
        dueDate: index % 5 === 0 ? null : `2027-0${(index % 4) + 1}-1${index % 3}`,
        completed: index % 3 === 0,
      }),
    )
  }
  await create(other, { title: 'alpha', description: 'groceries', category: 'work' })
}, 60_000)

afterAll(async () => {
  await api?.close()
})

const rank = { low: 0, medium: 1, high: 2 } as const

function sortValue(item: Task, sort: TaskSort): string | number {
  const key = sort.replace(/^-/, '')
  const descending = sort.startsWith('-')
  switch (key) {
    case 'created':
      return Date.parse(item.createdAt)
    case 'updated':
      return Date.parse(item.updatedAt)
    case 'priority':
      return rank[item.priority]
    case 'title':
      return item.title
    default:
      // No due date sorts last either way.
      return item.dueDate ?? (descending ? '0000-00-00' : '9999-99-99')
  }
}

describe('GET /api/{user_id}/tasks pagination and sorting', () => {
  test.each(taskSorts)(
    'sort=%s serves every task exactly once, in order, across pages of 4',
    async (sort) => {
      const seen = await pages(`sort=${sort}&limit=4`)
      expect(seen).toHaveLength(all.length)
      expect(new Set(seen.map((item) => item.id)).size).toBe(all.length)
      expect(new Set(seen.map((item) => item.id))).toEqual(new Set(all.map((item) => item.id)))
      const values = seen.map((item) => sortValue(item, sort))
      for (let index = 1; index < values.length; index += 1) {
        const [previous, current] = [
          values[index - 1] as string | number,
          values[index] as string | number,
        ]
        if (sort.startsWith('-'))
          expect(previous >= current, `${sort} at ${index}: ${previous} then ${current}`).toBe(true)
        else
          expect(previous <= current, `${sort} at ${index}: ${previous} then ${current}`).toBe(true)
      }
    },
  )

  test('tasks with no due date come last in both directions', async () => {
    for (const sort of ['dueDate', '-dueDate']) {
      const seen = await pages(`sort=${sort}&limit=7`)
      const firstNull = seen.findIndex((item) => item.dueDate === null)
      expect(seen.slice(firstNull).every((item) => item.dueDate === null)).toBe(true)
    }
  })

  test.each(['-created', 'created', 'title', '-priority'] as const)(
    'sort=%s stays exact while tasks are added between pages: no original is skipped or repeated',
    async (sort) => {
      const added: Task[] = []
      const seen = await pages(`sort=${sort}&limit=5`, async (page) => {
        added.push(
          await create(owner, { title: `alpha inserted ${sort} ${page}`, priority: 'high' }),
        )
      })
      const ids = seen.map((item) => item.id)
      expect(new Set(ids).size).toBe(ids.length)
      for (const original of all) expect(ids.filter((id) => id === original.id)).toHaveLength(1)
      // Clean up so the other tests keep their fixed set.
      for (const item of added) {
        await api.app.inject({
          method: 'DELETE',
          url: `/api/${owner.id}/tasks/${item.id}`,
          headers: bearer(owner.token),
        })
      }
    },
  )

  test('the default is newest first, 20 per page, and the last page has no nextCursor', async () => {
    const first = await list('')
    expect(first.items).toHaveLength(20)
    expect(first.nextCursor).toEqual(expect.any(String))
    const newest = [...all].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0]
    expect(first.items[0]?.id).toBe(newest?.id)
    const second = await list(`cursor=${encodeURIComponent(first.nextCursor as string)}`)
    expect(second.items).toHaveLength(1)
    expect(second.nextCursor).toBeNull()
  })

  test('limit is 1 to 100; anything else is a 400', async () => {
    expect((await list('limit=100')).items).toHaveLength(21)
    for (const limit of ['0', '101', '-1', '2.5', 'ten']) {
      expect(await listStatus(`limit=${limit}`)).toMatchObject({
        status: 400,
        body: { code: 'validation_failed' },
      })
    }
  })

  test('an unknown sort or status is a 400', async () => {
    expect((await listStatus('sort=owner')).status).toBe(400)
    expect((await listStatus('status=done')).status).toBe(400)
    expect((await listStatus('priority=urgent')).status).toBe(400)
  })

  test('a cursor that is garbage, tampered, or from another sort is a 400, never a 500', async () => {
    const { nextCursor } = await list('sort=created&limit=2')
    const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
    const id = all[0]?.id
    const cursors = [
      'not-a-cursor',
      '%%%',
      forge({ s: 'created', v: 'yesterday', i: id }),
      forge({ s: 'created', v: '2026-13-45T99:99:99.000000Z', i: id }),
      forge({ s: 'dueDate', v: '2026-02-30', i: id }),
      forge({ s: 'created', v: '2026-01-01T00:00:00.000000Z', i: 'not-a-uuid' }),
      forge({ s: 'created', v: "'; drop table task; --", i: id }),
    ]
    for (const cursor of cursors) {
      const sort = cursor === cursors[4] ? 'dueDate' : 'created'
      expect(await listStatus(`sort=${sort}&cursor=${encodeURIComponent(cursor)}`)).toMatchObject({
        status: 400,
        body: { code: 'invalid_cursor' },
      })
    }
    expect(
      await listStatus(`sort=title&cursor=${encodeURIComponent(nextCursor as string)}`),
    ).toMatchObject({
      status: 400,
      body: { code: 'invalid_cursor' },
    })
  })
})

describe('GET /api/{user_id}/tasks filters and search', () => {
  test('status=completed and status=pending split the list', async () => {
    const completed = await pages('status=completed')
    const pending = await pages('status=pending')
    expect(completed.every((item) => item.completed)).toBe(true)
    expect(pending.every((item) => !item.completed)).toBe(true)
    expect(completed.length + pending.length).toBe(all.length)
    expect(completed).toHaveLength(all.filter((item) => item.completed).length)
  })

  test('priority and category filter, and combine with each other', async () => {
    const high = await pages('priority=high')
    expect(high.length).toBe(all.filter((item) => item.priority === 'high').length)
    expect(high.every((item) => item.priority === 'high')).toBe(true)
    const highWork = await pages('priority=high&category=work&status=pending')
    expect(highWork.map((item) => item.id).sort()).toEqual(
      all
        .filter((item) => item.priority === 'high' && item.category === 'work' && !item.completed)
        .map((item) => item.id)
        .sort(),
    )
  })

  test('q searches title and description, case-insensitively, only among your own tasks', async () => {
    const byDescription = await pages('q=GROCERIES')
    expect(byDescription.map((item) => item.id).sort()).toEqual(
      all
        .filter((item) => item.description.includes('groceries'))
        .map((item) => item.id)
        .sort(),
    )
    const byTitle = await pages('q=Foxt')
    expect(byTitle.length).toBeGreaterThan(0)
    expect(byTitle.every((item) => item.title === 'foxtrot')).toBe(true)
  })

  test('LIKE metacharacters in q match literally', async () => {
    const percent = await create(owner, { title: '100% done' })
    const underscore = await create(owner, { title: 'snake_case' })
    const backslash = await create(owner, { title: 'C:\\temp' })
    try {
      expect((await pages('q=%25')).map((item) => item.id)).toEqual([percent.id])
      expect((await pages('q=_')).map((item) => item.id)).toEqual([underscore.id])
      expect((await pages('q=%5C')).map((item) => item.id)).toEqual([backslash.id])
      expect(await pages(`q=${encodeURIComponent("' or 1=1 --")}`)).toEqual([])
    } finally {
      for (const item of [percent, underscore, backslash]) {
        await api.app.inject({
          method: 'DELETE',
          url: `/api/${owner.id}/tasks/${item.id}`,
          headers: bearer(owner.token),
        })
      }
    }
  })

  test('filters hold across pages', async () => {
    const seen = await pages('category=work&sort=title&limit=3')
    expect(seen.map((item) => item.id).sort()).toEqual(
      all
        .filter((item) => item.category === 'work')
        .map((item) => item.id)
        .sort(),
    )
  })
})
