import { isTrustedCookieRequest } from '@taskwise/contracts/access-token'
import { type AuthTokenResponse } from '@taskwise/contracts/auth-payloads'
import {
  SECOND_FACTOR_METHODS,
  twoFactorLoginBodySchema,
  type TwoFactorChallenge,
} from '@taskwise/contracts/two-factor'
import { schema } from '@taskwise/db/client'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { readJsonBody } from '../../http/json-body'
import { problemResponse } from '../../http/problem'
import { json, setCookiesOf } from '../../http/responses'
import { toAuthUser } from '../caller'
import { cookieFromRequest } from '../jwt-cookie'
import { notifySignInChange } from '../two-factor/notify'
import { isTrustedDevice, trustDevice } from '../two-factor/trusted-device'
import { activityContextOf, type RouteContext, type RouteHandler } from './context'
import { codeRefusal } from './two-factor'

/**
 * The second step of signing in (docs/decisions/0207-two-factor-sign-in.md). After a right
 * password, the browser holds only the pending state (the `two_factor` cookie); this step checks a
 * code from the app or a backup code and only then starts the session and signs the JWT.
 */

export const CHALLENGE: TwoFactorChallenge = {
  twoFactorRequired: true,
  methods: [...SECOND_FACTOR_METHODS],
}

const completedSchema = z.object({
  completed: z.literal(true),
  token: z.string(),
  expiresAt: z.string(),
})

/**
 * Finishes a pending sign-in for `userId` (already checked): the session and JWT cookies, the
 * activity and log line of a sign-in, and `{user, token, expiresAt}`; null when the pending state
 * has gone meanwhile.
 */
export async function completeSignIn(
  { taskwise }: RouteContext,
  request: Request,
  userId: string,
): Promise<Response | null> {
  const { auth, db } = taskwise
  const { headers, response } = await auth.api.completeSignIn({
    body: { userId },
    headers: request.headers,
    returnHeaders: true,
  })
  const done = completedSchema.safeParse(response)
  const [user] = await db.select().from(schema.user).where(eq(schema.user.id, userId)).limit(1)
  if (!done.success || !user) return null
  const context = activityContextOf(request)
  await taskwise.activity.record(userId, 'sign_in', context)
  taskwise.logger.info('signed in', {
    event: 'auth.sign_in',
    outcome: 'success',
    secondFactor: true,
    userId,
    ip: context.ip ?? 'unknown',
  })
  const body: AuthTokenResponse = {
    user: toAuthUser(user),
    token: done.data.token,
    expiresAt: done.data.expiresAt,
  }
  return json(body, 200, setCookiesOf(new Response(null, { headers })))
}

function challengeGone(): Response {
  return problemResponse(
    'two_factor_challenge_invalid',
    'No sign-in is waiting for a second factor on this browser, or it took longer than 10 minutes. Sign in with your password again.',
  )
}

/** The user whose pending sign-in this request carries, if any. */
export async function pendingUserOf({ taskwise }: RouteContext, request: Request) {
  const { userId } = await taskwise.auth.api.pendingSignIn({ headers: request.headers })
  if (!userId) return null
  const [user] = await taskwise.db
    .select({ id: schema.user.id, email: schema.user.email })
    .from(schema.user)
    .where(eq(schema.user.id, userId))
    .limit(1)
  return user ?? null
}

/** Whether the request carries a live trusted-device cookie of `userId`. */
export function fromTrustedDevice({ taskwise }: RouteContext, request: Request, userId: string) {
  const { db, config, trustedDeviceCookie } = taskwise
  const value = cookieFromRequest(request, trustedDeviceCookie.name)
  return isTrustedDevice(db, config.secret, userId, value)
}

/**
 * POST /api/auth/login/two-factor `{code}` or `{backupCode}`, with `trustDevice` → 200 as login:
 * `{user, token, expiresAt}` and the cookies. 400 `invalid_code`; 401 when no sign-in is waiting;
 * 429 when the account is locked (wrong codes count towards it as wrong passwords do).
 */
export function loginTwoFactor(context: RouteContext): RouteHandler {
  const { taskwise, twoFactor } = context
  return async (request) => {
    const trusted = isTrustedCookieRequest(
      request.method,
      {
        origin: request.headers.get('origin'),
        secFetchSite: request.headers.get('sec-fetch-site'),
      },
      new Set([taskwise.config.baseUrl]),
    )
    if (!trusted) {
      return problemResponse(
        'forbidden',
        'This step carries the sign-in cookie, so it must come from this site (a trusted Origin header).',
      )
    }
    const body = await readJsonBody(request, twoFactorLoginBodySchema)
    if (!body.ok) return body.response
    const user = await pendingUserOf(context, request)
    if (!user) return challengeGone()
    const { code, backupCode, trustDevice: trust = false } = body.value
    const check =
      code !== undefined
        ? await twoFactor.checkTotp(user, code)
        : await twoFactor.useBackupCode(user, backupCode ?? '')
    if (!check.ok) {
      if (check.reason === 'wrong') {
        await taskwise.activity.record(user.id, 'sign_in_failed', activityContextOf(request))
      }
      return codeRefusal(check, code !== undefined ? 'code' : 'backupCode')
    }
    const answer = await completeSignIn(context, request, user.id)
    if (!answer) return challengeGone()
    if (trust) {
      const { db, config, trustedDeviceCookie } = taskwise
      const cookie = await trustDevice(db, config.secret, trustedDeviceCookie, user.id)
      answer.headers.append('set-cookie', cookie)
    }
    if (backupCode !== undefined) {
      const left = 'left' in check ? (check.left ?? 0) : 0
      await notifySignInChange(
        taskwise,
        request,
        user,
        'backup_code_used',
        'backup-code-used',
        `${left === 1 ? 'One backup code is' : `${left} backup codes are`} left. You can make a new set in Settings.`,
      )
    }
    return answer
  }
}
