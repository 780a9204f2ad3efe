import type { Task, TaskList } from '@taskwise/contracts/task'
import { QueryClient, type InfiniteData } from '@tanstack/react-query'
import { expect, test } from 'vitest'
import { defaultFilters, type TaskFilters } from '../task-filters'
import { taskKeys } from './query-keys'
import { insertTask, matchesFilters, placeTask } from './task-cache'

const userId = '00000000-0000-4000-8000-000000000001'
let counter = 0

function buildTask(overrides: Partial<Task> = {}): Task {
  counter += 1
  const now = new Date().toISOString()
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    userId,
    title: `Task ${counter}`,
    description: '',
    completed: false,
    priority: 'medium',
    category: null,
    dueDate: null,
    completedAt: null,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  }
}

function seedList(
  client: QueryClient,
  filters: TaskFilters,
  items: Task[],
  nextCursor: string | null = null,
) {
  const key = taskKeys.list(userId, filters, 20)
  client.setQueryData<InfiniteData<TaskList, string | null>>(key, {
    pages: [{ items, nextCursor }],
    pageParams: [null],
  })
  return () =>
    client
      .getQueryData<InfiniteData<TaskList, string | null>>(key)
      ?.pages[0]?.items.map((t) => t.title)
}

test('a task matches a view as the api would filter it', () => {
  const task = buildTask({ title: 'Buy milk', priority: 'low', category: 'Home' })
  expect(matchesFilters(task, { ...defaultFilters, q: 'MILK' })).toBe(true)
  expect(matchesFilters(task, { ...defaultFilters, status: 'completed' })).toBe(false)
  expect(matchesFilters(task, { ...defaultFilters, priority: 'high' })).toBe(false)
  expect(matchesFilters(task, { ...defaultFilters, category: 'home' })).toBe(false)
})

test('completing a task drops it from the to-do list and keeps it in the list of all tasks', () => {
  const client = new QueryClient()
  const task = buildTask({ title: 'Pay rent' })
  const all = seedList(client, defaultFilters, [task])
  const pending = seedList(client, { ...defaultFilters, status: 'pending' }, [task])
  placeTask(client, userId, task.id, { ...task, completed: true })
  expect(all()).toEqual(['Pay rent'])
  expect(pending()).toEqual([])
})

test('a rollback puts a task back even in a list with more pages; a plain change does not', () => {
  const client = new QueryClient()
  const task = buildTask({ title: 'Call mum', completed: true })
  const pending = seedList(client, { ...defaultFilters, status: 'pending' }, [], 'cursor')
  placeTask(client, userId, task.id, { ...task, completed: false })
  expect(pending()).toEqual([])
  placeTask(client, userId, task.id, { ...task, completed: false }, { rollback: true })
  expect(pending()).toEqual(['Call mum'])
})

test('a new task goes on top of the lists it belongs in only', () => {
  const client = new QueryClient()
  const existing = buildTask({ title: 'Existing' })
  const all = seedList(client, defaultFilters, [existing])
  const done = seedList(client, { ...defaultFilters, status: 'completed' }, [])
  insertTask(client, userId, buildTask({ title: 'New' }))
  expect(all()).toEqual(['New', 'Existing'])
  expect(done()).toEqual([])
})
