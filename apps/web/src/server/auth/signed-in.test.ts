import { randomUUID } from 'node:crypto'
import { schema } from '@taskwise/db/client'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { forgiveAndRecordSignIn } from './signed-in'
import { createAuthHarness, strongPassword, uniqueEmail, type AuthHarness } from './test-harness'

/**
 * A right password's two writes in one statement (docs/decisions/0320), and what happens when
 * that statement fails: each write done on its own terms, as before.
 */

let harness: AuthHarness

beforeAll(async () => {
  harness = await createAuthHarness({ AUTH_LOCKOUT_MAX_FAILURES: '3' })
})

afterAll(async () => {
  await harness?.close()
})

const context = { ip: '198.51.100.7', userAgent: 'taskwise-test/1.0' }

async function attemptsOf(key: string): Promise<number | undefined> {
  const [row] = await harness.taskwise.db
    .select()
    .from(schema.signInThrottle)
    .where(eq(schema.signInThrottle.key, key))
  return row?.attempts
}

async function activityOf(userId: string) {
  return harness.taskwise.db
    .select({ type: schema.authActivity.type, ip: schema.authActivity.ipAddress })
    .from(schema.authActivity)
    .where(eq(schema.authActivity.userId, userId))
}

test('forgives the counted attempts and records the sign-in, together', async () => {
  const response = await harness.request('/api/auth/register', {
    json: { email: uniqueEmail(), password: strongPassword() },
  })
  const { user } = (await response.json()) as { user: { id: string } }
  const key = `test:${randomUUID()}`
  await harness.taskwise.throttle.consume(key)
  await harness.taskwise.throttle.consume(key)
  expect(await attemptsOf(key)).toBe(2)

  await forgiveAndRecordSignIn(harness.taskwise, key, user.id, context)
  expect(await attemptsOf(key)).toBeUndefined()
  expect(await activityOf(user.id)).toEqual(
    expect.arrayContaining([{ type: 'sign_in', ip: context.ip }]),
  )
})

test('when the activity cannot be written (the account is gone), the attempts are still forgiven and the loss is logged', async () => {
  const gone = randomUUID()
  const key = `test:${randomUUID()}`
  await harness.taskwise.throttle.consume(key)

  await forgiveAndRecordSignIn(harness.taskwise, key, gone, context)
  expect(await attemptsOf(key)).toBeUndefined()
  expect(await activityOf(gone)).toEqual([])
  expect(harness.logs).toContainEqual(
    expect.objectContaining({ msg: 'could not record account activity' }),
  )
})
