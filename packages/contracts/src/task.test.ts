import { describe, expect, test } from 'vitest'
import {
  completeTaskSchema,
  createTaskSchema,
  listTasksQuerySchema,
  taskSorts,
  updateTaskSchema,
} from './task'

describe('createTaskSchema', () => {
  test('trims the title and fills defaults', () => {
    expect(createTaskSchema.parse({ title: '  Buy milk ' })).toEqual({
      title: 'Buy milk',
      description: '',
      priority: 'medium',
      category: null,
      dueDate: null,
      completed: false,
    })
  })

  test('refuses an unknown field, naming it', () => {
    const result = createTaskSchema.safeParse({ title: 'x', userId: 'someone' })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['userId'] })
  })

  test('holds the contract limits', () => {
    expect(createTaskSchema.safeParse({ title: 'x'.repeat(200) }).success).toBe(true)
    expect(createTaskSchema.safeParse({ title: 'x'.repeat(201) }).success).toBe(false)
    expect(createTaskSchema.safeParse({ title: ' ' }).success).toBe(false)
    expect(createTaskSchema.safeParse({ title: 'x', description: 'd'.repeat(2001) }).success).toBe(
      false,
    )
    expect(createTaskSchema.safeParse({ title: 'x', category: 'c'.repeat(51) }).success).toBe(false)
    expect(createTaskSchema.safeParse({ title: 'x', dueDate: '2026-02-29' }).success).toBe(false)
    expect(createTaskSchema.safeParse({ title: 'x', dueDate: '2028-02-29' }).success).toBe(true)
  })

  test('refuses what PostgreSQL cannot store: a NUL character, the year 0000', () => {
    for (const field of ['title', 'description', 'category']) {
      const result = createTaskSchema.safeParse({ title: 'x', [field]: 'a\u0000b' })
      expect(result.error?.issues).toMatchObject([{ path: [field], code: 'invalid_format' }])
    }
    const yearZero = createTaskSchema.safeParse({ title: 'x', dueDate: '0000-01-01' })
    expect(yearZero.error?.issues).toMatchObject([{ path: ['dueDate'], code: 'custom' }])
    expect(createTaskSchema.safeParse({ title: 'x', dueDate: '0001-01-01' }).success).toBe(true)
    expect(listTasksQuerySchema.safeParse({ q: 'a\u0000' }).success).toBe(false)
  })
})

describe('updateTaskSchema', () => {
  test('takes any subset of fields, but not none', () => {
    expect(updateTaskSchema.parse({ priority: 'high' })).toEqual({ priority: 'high' })
    expect(updateTaskSchema.safeParse({}).success).toBe(false)
  })
})

describe('completeTaskSchema', () => {
  test('takes no body, or exactly {completed}', () => {
    expect(completeTaskSchema.parse(undefined)).toBeUndefined()
    expect(completeTaskSchema.parse({ completed: true })).toEqual({ completed: true })
    expect(completeTaskSchema.safeParse({ completed: true, title: 'x' }).success).toBe(false)
  })
})

describe('listTasksQuerySchema', () => {
  test('coerces limit from the query string and defaults the rest', () => {
    expect(listTasksQuerySchema.parse({ limit: '5' })).toEqual({
      status: 'all',
      sort: '-created',
      limit: 5,
    })
  })

  test('offers every sort key in both directions', () => {
    expect(taskSorts).toEqual([
      'created',
      '-created',
      'updated',
      '-updated',
      'dueDate',
      '-dueDate',
      'priority',
      '-priority',
      'title',
      '-title',
    ])
  })

  test('caps limit at 100 and ignores unknown parameters', () => {
    expect(listTasksQuerySchema.safeParse({ limit: '101' }).success).toBe(false)
    expect(listTasksQuerySchema.parse({ userId: 'x' })).not.toHaveProperty('userId')
  })
})
