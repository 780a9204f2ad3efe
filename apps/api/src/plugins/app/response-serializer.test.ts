import { taskListSchema } from '@taskwise/contracts/task'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { responseSerializerCompiler } from './response-serializer'

const route = { method: 'GET', url: '/x', httpStatus: '200' }
const task = {
  id: '0b0e6f5e-8f3a-4f8e-9a51-2f4f2b1c9d10',
  userId: '5d6f7a8b-1c2d-4e3f-8a9b-0c1d2e3f4a5b',
  title: 'Write the report',
  description: '',
  completed: false,
  priority: 'medium',
  category: null,
  dueDate: '2027-01-31',
  completedAt: null,
  createdAt: '2026-11-24T10:00:00.000Z',
  updatedAt: '2026-11-24T10:00:00.000Z',
}

describe('the response serializer', () => {
  test('writes what JSON.stringify writes for a valid response', () => {
    const serialize = responseSerializerCompiler({ ...route, schema: taskListSchema })
    const list = { items: [task, { ...task, category: 'work' }], nextCursor: null }
    expect(serialize(list)).toBe(JSON.stringify(list))
  })

  test('drops every field the schema does not name, however deep', () => {
    const serialize = responseSerializerCompiler({ ...route, schema: taskListSchema })
    const leaky = {
      items: [{ ...task, passwordHash: 'secret' }],
      nextCursor: 'next',
      debug: { sql: 'select 1' },
    }
    const written = serialize(leaky)
    expect(JSON.parse(written)).toEqual({ items: [task], nextCursor: 'next' })
    expect(written).not.toContain('secret')
    expect(written).not.toContain('select 1')
  })

  test('a schema JSON Schema cannot express is serialized by zod instead', () => {
    const schema = z.object({ at: z.date() })
    const serialize = responseSerializerCompiler({ ...route, schema })
    expect(() => serialize({ at: 'not a date' })).toThrow()
  })
})
