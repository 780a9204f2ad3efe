import type { Task } from '@taskwise/contracts/task'
import type { TaskSummary } from '@taskwise/contracts/task-transfer'
import { QueryClient } from '@tanstack/react-query'
import { expect, test } from 'vitest'
import { defaultFilters } from '../task-filters'
import { taskKeys } from './query-keys'
import { shiftSummaries, withoutTasks } from './summary-cache'
import { placeTask, removeTask } from './task-cache'

const userId = '00000000-0000-4000-8000-000000000001'
const today = '2026-11-27'

function buildTask(overrides: Partial<Task> = {}): Task {
  return {
    id: '00000000-0000-4000-8000-000000000002',
    userId,
    title: 'Task',
    description: '',
    completed: false,
    priority: 'medium',
    category: null,
    dueDate: null,
    completedAt: null,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  }
}

function seed(client: QueryClient, summary: TaskSummary) {
  client.setQueryData(taskKeys.summary(userId, today), summary)
  return () => client.getQueryData<TaskSummary>(taskKeys.summary(userId, today))
}

test('completing an overdue task moves it from pending and overdue to completed at once', () => {
  const client = new QueryClient()
  const read = seed(client, { pending: 3, completed: 1, overdue: 2, dueToday: 0 })
  const overdue = buildTask({ dueDate: '2026-11-20' })
  shiftSummaries(client, userId, overdue, { ...overdue, completed: true })
  expect(read()).toEqual({ pending: 2, completed: 2, overdue: 1, dueToday: 0 })
})

test('a new task due today counts as pending and due today; removing it undoes that', () => {
  const client = new QueryClient()
  const read = seed(client, { pending: 0, completed: 0, overdue: 0, dueToday: 0 })
  const added = buildTask({ dueDate: today })
  shiftSummaries(client, userId, undefined, added)
  expect(read()).toEqual({ pending: 1, completed: 0, overdue: 0, dueToday: 1 })
  shiftSummaries(client, userId, added, undefined)
  expect(read()).toEqual({ pending: 0, completed: 0, overdue: 0, dueToday: 0 })
})

test('tasks left out of a count never take it below zero', () => {
  const summary = { pending: 1, completed: 0, overdue: 0, dueToday: 0 }
  expect(withoutTasks(summary, [buildTask(), buildTask({ dueDate: '2026-01-01' })], today)).toEqual(
    { pending: 0, completed: 0, overdue: 0, dueToday: 0 },
  )
})

test('the optimistic edits of the lists move the counts too: a tick, then a rollback', () => {
  const client = new QueryClient()
  const read = seed(client, { pending: 5, completed: 0, overdue: 1, dueToday: 1 })
  const dueToday = buildTask({ dueDate: today })
  client.setQueryData(taskKeys.list(userId, defaultFilters, 20), {
    pages: [{ items: [dueToday], nextCursor: null }],
    pageParams: [null],
  })
  placeTask(client, userId, dueToday.id, { ...dueToday, completed: true })
  expect(read()).toEqual({ pending: 4, completed: 1, overdue: 1, dueToday: 0 })
  placeTask(client, userId, dueToday.id, dueToday, { rollback: true })
  expect(read()).toEqual({ pending: 5, completed: 0, overdue: 1, dueToday: 1 })
  removeTask(client, userId, dueToday.id)
  expect(read()).toEqual({ pending: 4, completed: 0, overdue: 1, dueToday: 0 })
})
