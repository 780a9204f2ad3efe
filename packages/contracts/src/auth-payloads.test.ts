import { expect, test } from 'vitest'
import { registerBodySchema } from './password-bodies'

const body = { email: 'someone@example.com', password: 'Tangerine-Kite-7-Zq!' }

test('a display name is trimmed, and one with a NUL character is refused (it could not be stored)', () => {
  expect(registerBodySchema.parse({ ...body, name: '  Ada ' }).name).toBe('Ada')
  const refused = registerBodySchema.safeParse({ ...body, name: 'Ada\u0000' })
  expect(refused.success).toBe(false)
  expect(refused.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['name'])
})
