import { schema } from '@taskwise/db/client'
import { eq } from 'drizzle-orm'
import { bearerTokenOf } from '@taskwise/contracts/access-token'
import { json, noContent, setCookiesOf } from '../../http/responses'
import {
  activityContextOf,
  clearAuthCookies,
  type RouteContext,
  type RouteHandler,
} from './context'

/** POST /api/auth/logout → 204: the session is revoked and every auth cookie cleared. */
export function logout({ taskwise, native, callers }: RouteContext): RouteHandler {
  const { db, logger } = taskwise
  return async (request) => {
    const bearer = bearerTokenOf(request.headers.get('authorization'))
    if (bearer !== undefined) {
      // A program holding only its JWT: end the session the token names (`sid`).
      const found = bearer === null ? null : await callers.fromJwt(bearer)
      if (found) {
        await db.delete(schema.session).where(eq(schema.session.id, found.sessionId))
        const context = activityContextOf(request)
        await taskwise.activity.record(found.user.id, 'sign_out', context)
        logger.info('signed out', {
          event: 'auth.sign_out',
          outcome: 'success',
          userId: found.user.id,
          sessionId: found.sessionId,
          ip: context.ip ?? 'unknown',
        })
      }
      return noContent(await clearAuthCookies(taskwise, new Headers()))
    }
    if (request.headers.has('cookie')) {
      const response = await native.callBetterAuth(request, '/sign-out', 'POST', {})
      if (response.status === 403 || response.status === 429)
        return native.passThroughError(response)
      return noContent(await clearAuthCookies(taskwise, setCookiesOf(response)))
    }
    return noContent(await clearAuthCookies(taskwise, new Headers()))
  }
}

/** GET /api/auth/me → 200 `{user}` for a session cookie, a Bearer JWT or the JWT cookie; else 401. */
export function me({ callers }: RouteContext): RouteHandler {
  return async (request) => {
    const found = await callers.authenticate(request)
    return found.ok ? json({ user: found.caller.user }, 200) : found.response
  }
}
