import { schema } from '@taskwise/db/client'
import { and, eq } from 'drizzle-orm'
import { bodyFieldError, problemResponse } from '../../http/problem'
import { type TaskwiseAuth } from '../auth'
import { type Caller } from '../caller'
import { emailDigest } from '../identity'

/**
 * Re-authentication for the sensitive account routes: the caller's current password, checked
 * against the stored hash. Each attempt counts towards the same per-account limit as sign-in
 * (docs/decisions/0203), so a stolen session cannot be used to guess the password; a right
 * password forgives the earlier misses. Answers the refusal to send, or null when it is right.
 */
export async function checkCurrentPassword(
  taskwise: TaskwiseAuth,
  caller: Caller,
  password: string,
  field: string,
): Promise<Response | null> {
  const key = emailDigest(taskwise.config.secret, caller.user.email)
  const decision = await taskwise.throttle.consume(key)
  if (!decision.allowed) {
    return problemResponse(
      'account_locked',
      'Too many password attempts for this account. Try again after the time given in Retry-After.',
      { headers: { 'retry-after': String(decision.retryAfterSeconds) } },
    )
  }
  const [account] = await taskwise.db
    .select({ password: schema.account.password })
    .from(schema.account)
    .where(
      and(eq(schema.account.userId, caller.user.id), eq(schema.account.providerId, 'credential')),
    )
    .limit(1)
  const context = await taskwise.auth.$context
  const right =
    account?.password != null &&
    (await context.password.verify({ hash: account.password, password }))
  if (!right) {
    return problemResponse('invalid_password', 'The current password is not correct.', {
      errors: [bodyFieldError(field, 'invalid_password', 'The password is not correct')],
    })
  }
  await taskwise.throttle.reset(key)
  return null
}
