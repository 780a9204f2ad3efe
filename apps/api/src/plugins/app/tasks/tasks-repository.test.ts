import { randomBytes } from 'node:crypto'
import type { CreateTask, ListTasksQuery } from '@taskwise/contracts/task'
import { createDatabase, createPool, type Database } from '@taskwise/db/client'
import { user } from '@taskwise/db/schema/auth'
import { createTestDatabase, type TestDatabase } from '@taskwise/db/testing'
import Fastify from 'fastify'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { isDatabaseUnavailable } from '@taskwise/db/errors'
import { decodeCursor, encodeCursor } from './cursor'
import { InvalidCursorError } from './task-pages'
import {
  createTasksRepository,
  tasksRepositoryPlugin,
  type TasksRepository,
} from './tasks-repository'

/**
 * The repository on its own, against a real database: what the route tests cannot easily reach
 * (a database error in the middle of a list, a cursor value the database refuses) or do not
 * happen to look at (pages that end exactly, created versus updated order, completedAt kept).
 */

let database: TestDatabase
let pool: pg.Pool
let tasks: TasksRepository

beforeAll(async () => {
  database = await createTestDatabase()
  pool = createPool(database.url, { max: 2, onError: () => {} })
  tasks = createTasksRepository(createDatabase(pool), { maxTasksPerUser: 10_000 })
})

afterAll(async () => {
  await pool?.end()
  await database?.drop()
})

async function newUser(db: Database = createDatabase(pool)): Promise<string> {
  const [created] = await db
    .insert(user)
    .values({ name: 'Ada', email: `ada-${randomBytes(6).toString('hex')}@example.com` })
    .returning({ id: user.id })
  return created!.id
}

const input = (overrides: Partial<CreateTask> = {}): CreateTask => ({
  title: 'A task',
  description: '',
  priority: 'medium',
  category: null,
  dueDate: null,
  completed: false,
  ...overrides,
})

const query = (overrides: Partial<ListTasksQuery> = {}): ListTasksQuery => ({
  status: 'all',
  sort: '-created',
  limit: 20,
  ...overrides,
})

describe('list', () => {
  test('a page that ends exactly at the last task has no next cursor', async () => {
    const owner = await newUser()
    for (let index = 0; index < 3; index += 1) await tasks.create(owner, input())
    const page = await tasks.list(owner, query({ limit: 3 }))
    expect(page.items).toHaveLength(3)
    expect(page.nextCursor).toBeNull()
    expect((await tasks.list(owner, query({ limit: 2 }))).nextCursor).not.toBeNull()
  })

  test('sort=created follows creation, sort=updated the last change', async () => {
    const owner = await newUser()
    const first = await tasks.create(owner, input({ title: 'first' }))
    const second = await tasks.create(owner, input({ title: 'second' }))
    await tasks.update(owner, first.id, { title: 'first, changed' })
    const ids = async (sort: ListTasksQuery['sort']) =>
      (await tasks.list(owner, query({ sort }))).items.map((item) => item.id)
    expect(await ids('created')).toEqual([first.id, second.id])
    expect(await ids('updated')).toEqual([second.id, first.id])
  })

  test.each([
    ['created', ' '],
    ['-updated', ' '],
    ['dueDate', ' '],
    ['priority', 'x'],
  ] as const)(
    'refuses a %s cursor whose value is padded, before the database reads it',
    async (sort, pad) => {
      const owner = await newUser()
      for (let index = 0; index < 3; index += 1)
        await tasks.create(owner, input({ dueDate: `2026-01-0${index + 1}` }))
      const { nextCursor } = await tasks.list(owner, query({ sort, limit: 1 }))
      const handedOut = decodeCursor(nextCursor!, sort)!
      for (const value of [`${pad}${handedOut.value}`, `${handedOut.value}${pad}`]) {
        const tampered = { ...handedOut, value }
        await expect(tasks.list(owner, query({ sort, limit: 1 }), tampered)).rejects.toMatchObject({
          name: 'InvalidCursorError',
          message: 'cursor value has the wrong form',
        })
      }
      expect(decodeCursor(encodeCursor(handedOut), sort)).toEqual(handedOut)
    },
  )

  test('a cursor value of the right form that the database cannot read is an InvalidCursorError', async () => {
    const owner = await newUser()
    const after = { sort: 'created' as const, value: '2026-13-45T99:00:00.000000Z', id: owner }
    await expect(tasks.list(owner, query({ sort: 'created' }), after)).rejects.toMatchObject({
      name: 'InvalidCursorError',
      message: 'cursor value refused by the database',
    })
  })

  test('when the database is down, a list (with a cursor or not) fails with the database error', async () => {
    const downPool = createPool('postgres://postgres@127.0.0.1:1/none', {
      max: 1,
      onError: () => {},
    })
    try {
      const down = createTasksRepository(createDatabase(downPool), { maxTasksPerUser: 10_000 })
      const after = { sort: 'created' as const, value: '2026-01-01T00:00:00.000000Z', id: 'x' }
      for (const cursor of [undefined, after]) {
        const error = await down.list('u', query({ sort: 'created' }), cursor).catch((e) => e)
        expect(error).not.toBeInstanceOf(InvalidCursorError)
        expect(isDatabaseUnavailable(error)).toBe(true) // so the route answers 503
      }
    } finally {
      await downPool.end()
    }
  })
})

describe('update', () => {
  test('a change that does not touch completed keeps completedAt', async () => {
    const owner = await newUser()
    const done = await tasks.create(owner, input({ completed: true }))
    expect(done.completedAt).not.toBeNull()
    const renamed = await tasks.update(owner, done.id, { title: 'renamed' })
    expect(renamed).toMatchObject({ completed: true, completedAt: done.completedAt })
  })
})

test('the plugin names the database plugin it needs', async () => {
  const app = Fastify()
  await expect(app.register(tasksRepositoryPlugin, { maxTasksPerUser: 1 })).rejects.toThrow(
    "The dependency 'db' of plugin 'tasks-repository' is not registered",
  )
  await app.close()
})
