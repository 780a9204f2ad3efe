import { forgotPasswordBodySchema, type AcceptedResponse } from '@taskwise/contracts/account'
import { type AuthTokenResponse } from '@taskwise/contracts/auth-payloads'
import {
  changePasswordBodySchema,
  resetPasswordBodySchema,
} from '@taskwise/contracts/password-bodies'
import { schema } from '@taskwise/db/client'
import { and, eq } from 'drizzle-orm'
import { describeDevice } from '../../account/devices'
import { readJsonBody } from '../../http/json-body'
import { problemResponse } from '../../http/problem'
import { json, noContent } from '../../http/responses'
import { sendInBackground } from '../../mail/mailer'
import { passwordChanged } from '../../mail/templates'
import { emailDigest } from '../identity'
import { errorBodyOf } from '../native'
import { activityContextOf, type RouteContext, type RouteHandler } from './context'
import { forgetTrustedDevices } from '../two-factor/trusted-device'
import { reauthenticate } from './reauthenticate'

/** Links asked for one address, whoever asks, per window (docs/decisions/0206-account-routes.md). */
const RESETS_PER_ADDRESS = 3
const RESET_ADDRESS_WINDOW_SECONDS = 15 * 60

/**
 * Every forgot-password answer takes at least this long. The known-address path does a little
 * more work (it stores a token) than the unknown one; answering both no sooner than this keeps
 * that difference out of the response time (docs/decisions/0206-account-routes.md).
 */
export const FORGOT_PASSWORD_FLOOR_MS = 250

const ACCEPTED: AcceptedResponse = {
  message:
    'If an account exists for this address, a link to reset its password is on its way. It works once, for 30 minutes.',
}

/** POST /api/auth/forgot-password `{email}` → 202, the same answer whether or not it has an account. */
export function forgotPassword({ taskwise, native }: RouteContext): RouteHandler {
  return async (request) => {
    const started = performance.now()
    const body = await readJsonBody(request, forgotPasswordBodySchema)
    if (!body.ok) return body.response
    const { email } = body.value
    const decision = await taskwise.throttle.consumeWith(
      `reset:${emailDigest(taskwise.config.secret, email)}`,
      { maxAttempts: RESETS_PER_ADDRESS, windowSeconds: RESET_ADDRESS_WINDOW_SECONDS },
    )
    if (!decision.allowed) {
      return problemResponse(
        'rate_limited',
        'Reset links were asked for this address several times already. Check the inbox, or try again after the time given in Retry-After.',
        { headers: { 'retry-after': String(decision.retryAfterSeconds) } },
      )
    }
    const response = await native.callBetterAuth(request, '/request-password-reset', 'POST', {
      email,
    })
    if (!response.ok) return native.passThroughError(response)
    const wait = FORGOT_PASSWORD_FLOOR_MS - (performance.now() - started)
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    return json(ACCEPTED, 202)
  }
}

/** POST /api/auth/reset-password `{token, password}` → 204; the person then signs in. */
export function resetPassword({ native }: RouteContext): RouteHandler {
  return async (request) => {
    const body = await readJsonBody(request, resetPasswordBodySchema)
    if (!body.ok) return body.response
    const response = await native.callBetterAuth(request, '/reset-password', 'POST', {
      token: body.value.token,
      newPassword: body.value.password,
    })
    if (response.ok) return noContent()
    const error = await errorBodyOf(response)
    if (
      response.status === 400 &&
      (error.code === 'INVALID_TOKEN' || error.code === 'USER_NOT_FOUND')
    ) {
      return problemResponse(
        'reset_token_invalid',
        'This reset link is not valid any more: it was used, or it is older than 30 minutes. Ask for a new one.',
      )
    }
    return native.passThroughError(response)
  }
}

/**
 * POST /api/auth/change-password `{currentPassword, newPassword, signOutOtherSessions?}` → 200
 * `{user, token, expiresAt}`. The current session is replaced by a new one (fresh cookies and
 * JWT); every other session ends too unless `signOutOtherSessions` is false.
 */
export function changePassword(context: RouteContext): RouteHandler {
  const { taskwise } = context
  const { auth, db, logger } = taskwise
  return async (request) => {
    const checked = await reauthenticate(
      context,
      request,
      changePasswordBodySchema,
      'currentPassword',
    )
    if (!checked.ok) return checked.response
    const { caller } = checked
    const { newPassword, signOutOtherSessions = true } = checked.body

    const authContext = await auth.$context
    const hash = await authContext.password.hash(newPassword)
    await db.transaction(async (tx) => {
      await tx
        .update(schema.account)
        .set({ password: hash })
        .where(
          and(
            eq(schema.account.userId, caller.user.id),
            eq(schema.account.providerId, 'credential'),
          ),
        )
      await tx
        .delete(schema.session)
        .where(
          signOutOtherSessions
            ? eq(schema.session.userId, caller.user.id)
            : and(
                eq(schema.session.userId, caller.user.id),
                eq(schema.session.id, caller.sessionId),
              ),
        )
    })
    if (signOutOtherSessions) await forgetTrustedDevices(db, caller.user.id)
    const issued = await auth.api.issueSession({
      body: { userId: caller.user.id },
      headers: request.headers,
      returnHeaders: true,
    })
    const activity = activityContextOf(request)
    await taskwise.activity.record(caller.user.id, 'password_changed', activity)
    sendInBackground(
      taskwise.mailer,
      {
        to: caller.user.email,
        ...passwordChanged({
          at: new Date(),
          ip: activity.ip,
          device: describeDevice(activity.userAgent),
          appUrl: taskwise.config.baseUrl,
        }),
      },
      logger,
    )
    logger.info('password changed', {
      event: 'auth.password_changed',
      userId: caller.user.id,
      otherSessionsEnded: signOutOtherSessions,
    })
    const headers = new Headers()
    for (const cookie of issued.headers.getSetCookie()) headers.append('set-cookie', cookie)
    const answer: AuthTokenResponse = {
      user: caller.user,
      token: issued.response.token,
      expiresAt: issued.response.expiresAt,
    }
    return json(answer, 200, headers)
  }
}
