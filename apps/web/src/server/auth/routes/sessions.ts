import { reauthenticateBodySchema, type SessionList } from '@taskwise/contracts/account'
import { schema } from '@taskwise/db/client'
import { and, desc, eq, gt, ne } from 'drizzle-orm'
import { z } from 'zod'
import { describeDevice } from '../../account/devices'
import { problemResponse } from '../../http/problem'
import { json, noContent } from '../../http/responses'
import {
  activityContextOf,
  clearAuthCookies,
  type RouteContext,
  type RouteHandler,
} from './context'
import { forgetTrustedDevices } from '../two-factor/trusted-device'
import { reauthenticate } from './reauthenticate'

/**
 * Where the person is signed in, and ending those sessions. Ending a session deletes its row, so
 * its JWTs get 401 from every api instance within the session cache's lifetime (decision 0101).
 * The list never holds a session token.
 */

/** GET /api/auth/sessions → 200 `{items}`, this device first, then the most recently active. */
export function listSessions({ taskwise, callers }: RouteContext): RouteHandler {
  return async (request) => {
    const found = await callers.authenticate(request)
    if (!found.ok) return found.response
    const { caller } = found
    const rows = await taskwise.db
      .select({
        id: schema.session.id,
        ipAddress: schema.session.ipAddress,
        userAgent: schema.session.userAgent,
        createdAt: schema.session.createdAt,
        updatedAt: schema.session.updatedAt,
      })
      .from(schema.session)
      .where(
        and(eq(schema.session.userId, caller.user.id), gt(schema.session.expiresAt, new Date())),
      )
      .orderBy(desc(schema.session.updatedAt))
    const items: SessionList['items'] = rows
      .map((row) => ({
        id: row.id,
        current: row.id === caller.sessionId,
        device: describeDevice(row.userAgent),
        ip: row.ipAddress || null,
        createdAt: row.createdAt.toISOString(),
        lastActiveAt: row.updatedAt.toISOString(),
      }))
      .sort((a, b) => Number(b.current) - Number(a.current))
    return json({ items }, 200)
  }
}

/** POST /api/auth/sessions/{id}/revoke `{password}` → 204; 404 for a session that is not theirs. */
export function revokeSession(context: RouteContext) {
  const { taskwise } = context
  return async (request: Request, sessionId: string): Promise<Response> => {
    const checked = await reauthenticate(context, request, reauthenticateBodySchema, 'password')
    if (!checked.ok) return checked.response
    const { caller } = checked
    const id = z.uuid().safeParse(sessionId)
    const ended = id.success
      ? await taskwise.db
          .delete(schema.session)
          .where(and(eq(schema.session.id, id.data), eq(schema.session.userId, caller.user.id)))
          .returning({ id: schema.session.id })
      : []
    if (ended.length === 0) return problemResponse('not_found', 'There is no such session.')
    await taskwise.activity.record(caller.user.id, 'session_revoked', activityContextOf(request))
    taskwise.logger.info('session ended', {
      event: 'auth.session_revoked',
      userId: caller.user.id,
      sessionId: id.data,
    })
    const current = id.data === caller.sessionId
    return noContent(current ? await clearAuthCookies(taskwise, new Headers()) : undefined)
  }
}

/** POST /api/auth/sessions/revoke-others `{password}` → 204: every session but this one ends. */
export function revokeOtherSessions(context: RouteContext): RouteHandler {
  const { taskwise } = context
  return async (request) => {
    const checked = await reauthenticate(context, request, reauthenticateBodySchema, 'password')
    if (!checked.ok) return checked.response
    const { caller } = checked
    const ended = await taskwise.db
      .delete(schema.session)
      .where(
        and(eq(schema.session.userId, caller.user.id), ne(schema.session.id, caller.sessionId)),
      )
      .returning({ id: schema.session.id })
    await forgetTrustedDevices(taskwise.db, caller.user.id)
    await taskwise.activity.record(
      caller.user.id,
      'other_sessions_revoked',
      activityContextOf(request),
    )
    taskwise.logger.info('other sessions ended', {
      event: 'auth.other_sessions_revoked',
      userId: caller.user.id,
      count: ended.length,
    })
    return noContent()
  }
}
