import { afterAll, beforeAll, expect, test } from 'vitest'
import { createAuthHarness, strongPassword, type AuthHarness } from './test-harness'

let harness: AuthHarness

beforeAll(async () => {
  harness = await createAuthHarness({ AUTH_RATE_LIMIT_MAX: '10000' })
})

afterAll(async () => {
  await harness?.close()
})

test('100 concurrent registrations all succeed, with no duplicate and no lost user', async () => {
  const run = Math.random().toString(36).slice(2, 8)
  const emails = Array.from({ length: 100 }, (_, index) => `load-${run}-${index}@example.com`)
  const responses = await Promise.all(
    emails.map((email) =>
      harness.request('/api/auth/register', { json: { email, password: strongPassword() } }),
    ),
  )

  expect(responses.map((response) => response.status)).toEqual(emails.map(() => 201))
  const bodies = (await Promise.all(responses.map((response) => response.json()))) as {
    user: { id: string; email: string }
  }[]
  expect(new Set(bodies.map((body) => body.user.id)).size).toBe(100)
  expect(bodies.map((body) => body.user.email).sort()).toEqual([...emails].sort())

  const users = await harness.taskwise.pool.query<{ email: string }>(
    `select email from "user" where email like $1 order by email`,
    [`load-${run}-%`],
  )
  expect(users.rows.map((row) => row.email)).toEqual([...emails].sort())
  const accounts = await harness.taskwise.pool.query<{ n: number }>(
    `select count(*)::int as n from account a join "user" u on u.id = a.user_id where u.email like $1`,
    [`load-${run}-%`],
  )
  expect(accounts.rows[0]?.n).toBe(100)
  const sessions = await harness.taskwise.pool.query<{ n: number }>(
    `select count(*)::int as n from session s join "user" u on u.id = s.user_id where u.email like $1`,
    [`load-${run}-%`],
  )
  expect(sessions.rows[0]?.n).toBe(100)
})
