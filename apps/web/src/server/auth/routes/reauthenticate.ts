import { schema } from '@taskwise/db/client'
import { and, eq } from 'drizzle-orm'
import { type z } from 'zod'
import { readJsonBody } from '../../http/json-body'
import { bodyFieldError, problemResponse } from '../../http/problem'
import { type TaskwiseAuth } from '../auth'
import { type Caller } from '../caller'
import { emailDigest } from '../identity'
import { type RouteContext } from './context'

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

export type Reauthenticated<T> =
  { ok: true; caller: Caller; body: T } | { ok: false; response: Response }

/**
 * The preamble of every sensitive route: who is calling (401/403 otherwise), a valid body (4xx
 * otherwise), and the right current password in the body's `field` (400 `invalid_password`
 * otherwise, counted by the per-account lock).
 */
export async function reauthenticate<S extends z.ZodType, F extends keyof z.output<S> & string>(
  { taskwise, callers }: RouteContext,
  request: Request,
  bodySchema: S,
  field: F,
): Promise<Reauthenticated<z.output<S>>> {
  const found = await callers.authenticate(request)
  if (!found.ok) return found
  const body = await readJsonBody(request, bodySchema)
  if (!body.ok) return body
  const password = (body.value as Record<F, unknown>)[field]
  const refused = await checkCurrentPassword(taskwise, found.caller, String(password), field)
  return refused
    ? { ok: false, response: refused }
    : { ok: true, caller: found.caller, body: body.value }
}
