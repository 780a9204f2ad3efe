import { reauthenticateBodySchema } from '@taskwise/contracts/account'
import { schema } from '@taskwise/db/client'
import { eq, inArray, like, or } from 'drizzle-orm'
import { json, noContent } from '../../http/responses'
import { sendInBackground } from '../../mail/mailer'
import { accountDeleted } from '../../mail/templates'
import { emailDigest } from '../identity'
import { clearAuthCookies, type RouteContext, type RouteHandler } from './context'
import { reauthenticate } from './reauthenticate'

/** GET /api/auth/activity → 200 `{items}`: the last 90 days, newest first. */
export function listActivity({ taskwise, callers }: RouteContext): RouteHandler {
  return async (request) => {
    const found = await callers.authenticate(request)
    if (!found.ok) return found.response
    return json({ items: await taskwise.activity.list(found.caller.user.id) }, 200)
  }
}

/**
 * POST /api/auth/delete-account `{password}` → 204 and every cookie cleared. In one transaction:
 * the person's pending reset and email-change tokens and their throttle rows go, then the user
 * row, which takes sessions, accounts, tasks and activity with it (ON DELETE CASCADE). The same
 * address can register again at once. A goodbye mail goes to the address.
 */
export function deleteAccount(context: RouteContext): RouteHandler {
  const { taskwise } = context
  const { db, config, logger } = taskwise
  return async (request) => {
    const checked = await reauthenticate(context, request, reauthenticateBodySchema, 'password')
    if (!checked.ok) return checked.response
    const { caller } = checked

    const digest = emailDigest(config.secret, caller.user.email)
    await db.transaction(async (tx) => {
      await tx
        .delete(schema.verification)
        .where(
          or(
            eq(schema.verification.value, caller.user.id),
            like(schema.verification.value, `{"userId":"${caller.user.id}",%`),
          ),
        )
      await tx
        .delete(schema.signInThrottle)
        .where(inArray(schema.signInThrottle.key, [digest, `reset:${digest}`]))
      await tx.delete(schema.user).where(eq(schema.user.id, caller.user.id))
    })
    sendInBackground(
      taskwise.mailer,
      { to: caller.user.email, ...accountDeleted({ at: new Date(), appUrl: config.baseUrl }) },
      logger,
    )
    logger.info('account deleted', { event: 'auth.account_deleted', userId: caller.user.id })
    return noContent(await clearAuthCookies(taskwise, new Headers()))
  }
}
