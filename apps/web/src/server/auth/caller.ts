import {
  bearerTokenOf,
  isTrustedCookieRequest,
  verifyAccessToken,
} from '@taskwise/contracts/access-token'
import { type AuthUser } from '@taskwise/contracts/auth-payloads'
import { schema, type Database } from '@taskwise/db/client'
import { isDatabaseUnavailable } from '@taskwise/db/errors'
import { and, eq, gt, lt, sql } from 'drizzle-orm'
import { createLocalJWKSet, type JSONWebKeySet } from 'jose'
import { problemResponse } from '../http/problem'
import { type TaskwiseAuth } from './auth'
import { cookieFromRequest } from './jwt-cookie'

/**
 * Who is calling a contract route: a browser by its session cookie (or, failing that, its JWT
 * cookie), or a program by `Authorization: Bearer <jwt>` — verified by the same
 * `verifyAccessToken` as the api, and accepted only while the session it names exists.
 */

export interface Caller {
  user: AuthUser
  sessionId: string
}

export type CallerResult = { ok: true; caller: Caller } | { ok: false; response: Response }

/** A session's `updated_at` is moved forward at most this often (it is "last active"). */
const ACTIVITY_RESOLUTION_MS = 5 * 60_000

export function toAuthUser(user: {
  id: string
  email: string
  name: string
  createdAt: Date | string
}): AuthUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    createdAt: new Date(user.createdAt).toISOString(),
  }
}

/** Marks a session active now, unless it was marked in the last few minutes. */
export async function touchSession(db: Database, sessionId: string): Promise<void> {
  const staleBefore = new Date(Date.now() - ACTIVITY_RESOLUTION_MS)
  await db
    .update(schema.session)
    .set({ updatedAt: sql`now()` })
    .where(and(eq(schema.session.id, sessionId), lt(schema.session.updatedAt, staleBefore)))
}

function unauthenticated(bearer: boolean): Response {
  return problemResponse(
    'invalid_token',
    'Sign in first: send a session cookie or an Authorization: Bearer token.',
    {
      headers: { 'www-authenticate': bearer ? 'Bearer error="invalid_token"' : 'Bearer' },
    },
  )
}

export function createCallerCheck(taskwise: TaskwiseAuth) {
  const { auth, config, db, jwtCookie } = taskwise
  const trustedOrigins = new Set([config.baseUrl])

  /** The user and session a Taskwise JWT names, if it verifies and its session is still live. */
  async function fromJwt(token: string): Promise<{ user: AuthUser; sessionId: string } | null> {
    let identity
    try {
      const jwks = (await auth.api.getJwks()) as JSONWebKeySet
      identity = await verifyAccessToken(token, createLocalJWKSet(jwks), config.baseUrl)
    } catch (error) {
      // The keys live in the database: without it, the token cannot be judged (a 503 to retry).
      if (isDatabaseUnavailable(error)) throw error
      return null // any other failure is "not authenticated", never a 500
    }
    const [row] = await db
      .select({
        id: schema.user.id,
        email: schema.user.email,
        name: schema.user.name,
        createdAt: schema.user.createdAt,
      })
      .from(schema.session)
      .innerJoin(schema.user, eq(schema.session.userId, schema.user.id))
      .where(
        and(
          eq(schema.session.id, identity.sessionId),
          eq(schema.session.userId, identity.userId),
          gt(schema.session.expiresAt, new Date()),
        ),
      )
      .limit(1)
    return row ? { user: toAuthUser(row), sessionId: identity.sessionId } : null
  }

  /** The caller of `request`, or the 401 (or, for a cross-site cookie write, 403) to answer. */
  async function authenticate(request: Request): Promise<CallerResult> {
    const bearer = bearerTokenOf(request.headers.get('authorization'))
    if (bearer !== undefined) {
      const found = bearer === null ? null : await fromJwt(bearer)
      if (!found) return { ok: false, response: unauthenticated(true) }
      void touchSession(db, found.sessionId).catch(() => {})
      return { ok: true, caller: found }
    }
    if (!request.headers.has('cookie')) return { ok: false, response: unauthenticated(false) }
    const trusted = isTrustedCookieRequest(
      request.method,
      {
        origin: request.headers.get('origin'),
        secFetchSite: request.headers.get('sec-fetch-site'),
      },
      trustedOrigins,
    )
    if (!trusted) {
      return {
        ok: false,
        response: problemResponse(
          'forbidden',
          'A request that carries cookies must come from this site (a trusted Origin header). Programs should send no cookies.',
        ),
      }
    }
    const session = await auth.api.getSession({ headers: request.headers })
    let found: { user: AuthUser; sessionId: string } | null = session
      ? { user: toAuthUser(session.user), sessionId: session.session.id }
      : null
    if (!found) {
      const fromCookie = cookieFromRequest(request, jwtCookie.name)
      found = fromCookie ? await fromJwt(fromCookie) : null
    }
    if (!found) return { ok: false, response: unauthenticated(false) }
    void touchSession(db, found.sessionId).catch(() => {})
    return { ok: true, caller: found }
  }

  return { authenticate, fromJwt }
}

export type CallerCheck = ReturnType<typeof createCallerCheck>
