import { createPool } from '@taskwise/db/client'
import type pg from 'pg'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { hashPassword, verifyPassword } from './password-hashing'
import { RAISED_AUTH_LIMITS, strongPassword, uniqueEmail, useAuthHarness } from './test-harness'

/**
 * Sign-up hashes before Better Auth's transaction (sign-up-hashing.ts, docs/decisions/0321): the
 * hashing the app is given notes, at every hash, how many of the app's connections sit idle in a
 * transaction at that moment, seen by PostgreSQL from a connection of the test's own.
 */
const hashes: { idleInTransaction: number }[] = []
let observer: pg.Pool

const harness = useAuthHarness(RAISED_AUTH_LIMITS, {
  dependencies: {
    passwordHashing: {
      async hash(password) {
        const { rows } = await observer.query<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity
           where datname = current_database() and application_name = 'taskwise-web'
             and state like 'idle in transaction%'`,
        )
        hashes.push({ idleInTransaction: rows[0]?.n ?? -1 })
        return hashPassword(password)
      },
      verify: verifyPassword,
    },
  },
})
beforeAll(() => {
  observer = createPool(harness.database.url, { applicationName: 'sign-up-hashing-test' })
})
afterAll(async () => {
  await observer?.end()
})

const register = (email: string, password: string) =>
  harness.request('/api/auth/register', { json: { email, password } })
const signIn = (email: string, password: string) =>
  harness.request('/api/auth/login', { json: { email, password } })

test('a sign-up hashes once, with no transaction of the app open, and the hash signs in', async () => {
  hashes.length = 0
  const [email, password] = [uniqueEmail('ahead'), strongPassword()]
  expect((await register(email, password)).status).toBe(201)
  expect(hashes).toEqual([{ idleInTransaction: 0 }])
  expect((await signIn(email, password)).status).toBe(200)
  expect((await signIn(email, `${password}x`)).status).toBe(401)
})

test('Better Auth’s own sign-up route hashes ahead too', async () => {
  hashes.length = 0
  const response = await harness.request('/api/auth/sign-up/email', {
    json: { email: uniqueEmail('native'), password: strongPassword(), name: '' },
    headers: { origin: 'http://localhost:3000' },
  })
  expect(response.status).toBe(200)
  expect(hashes).toEqual([{ idleInTransaction: 0 }])
})

test('a password the policy refuses costs no hash', async () => {
  hashes.length = 0
  const response = await register(uniqueEmail('weak'), 'password')
  expect(response.status).toBe(400)
  expect(hashes).toEqual([])
})

test('a sign-up with a taken email hashes once, and the account keeps its password', async () => {
  const [email, password] = [uniqueEmail('taken'), strongPassword()]
  expect((await register(email, password)).status).toBe(201)
  hashes.length = 0
  const other = strongPassword()
  expect((await register(email, other)).status).toBe(409)
  expect(hashes).toHaveLength(1)
  expect((await signIn(email, password)).status).toBe(200)
  expect((await signIn(email, other)).status).toBe(401)
})

test('parallel sign-ups with one password each get a working hash, none reused', async () => {
  hashes.length = 0
  const password = strongPassword()
  const emails = Array.from({ length: 8 }, () => uniqueEmail('same'))
  const statuses = await Promise.all(
    emails.map(async (email) => (await register(email, password)).status),
  )
  expect(statuses).toEqual(emails.map(() => 201))
  expect(hashes).toHaveLength(8)
  const { rows } = await observer.query<{ n: number }>(
    `select count(distinct a.password)::int as n from account a join "user" u on u.id = a.user_id
     where u.email = any($1)`,
    [emails],
  )
  expect(rows[0]?.n).toBe(8)
  for (const email of emails) expect((await signIn(email, password)).status).toBe(200)
})
