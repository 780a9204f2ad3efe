import { loginBodySchema, type AuthTokenResponse } from '@taskwise/contracts/auth-payloads'
import { registerBodySchema } from '@taskwise/contracts/password-bodies'
import { schema } from '@taskwise/db/client'
import { eq } from 'drizzle-orm'
import { decodeJwt } from 'jose'
import { z } from 'zod'
import { readJsonBody } from '../../http/json-body'
import { bodyFieldError, problemResponse } from '../../http/problem'
import { databaseUnavailable } from '../../http/route-handler'
import { json, setCookiesOf } from '../../http/responses'
import { toAuthUser } from '../caller'
import { cookieValueFromSetCookie } from '../jwt-cookie'
import { errorBodyOf } from '../native'
import { type RouteContext, type RouteHandler } from './context'
import { CHALLENGE, completeSignIn, fromTrustedDevice } from './second-factor'

/**
 * POST /api/auth/register and POST /api/auth/login: validated with the shared schemas, then done
 * by Better Auth's own sign-up and sign-in in process (its rate limits, CSRF check and hooks
 * apply), answered as `{user, token, expiresAt}` with the cookies.
 */

const betterAuthUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  createdAt: z.union([z.string(), z.date()]),
})

const signedInSchema = z.object({ user: betterAuthUserSchema })

/** A right password that still waits for a second factor (the twoFactor plugin's answer). */
const secondFactorPendingSchema = z.object({ twoFactorRedirect: z.literal(true) })

/**
 * Turns Better Auth's answer to a sign-up or sign-in (its cookies in `response`, its body already
 * read into `answer`) into `{user, token, expiresAt}`.
 */
function tokenResponse(
  { taskwise, native }: RouteContext,
  response: Response,
  answer: unknown,
  status: number,
): Response {
  const parsed = signedInSchema.safeParse(answer)
  const token = cookieValueFromSetCookie(response.headers.getSetCookie(), taskwise.jwtCookie.name)
  if (!parsed.success || token === undefined)
    return native.internalError('the sign-in answer had no user or no JWT')
  const { exp } = decodeJwt(token)
  const body: AuthTokenResponse = {
    user: toAuthUser(parsed.data.user),
    token,
    expiresAt: new Date((exp ?? 0) * 1000).toISOString(),
  }
  return json(body, status, setCookiesOf(response))
}

/** POST /api/auth/register `{email, password, name?}` → 201 `{user, token, expiresAt}`. */
export function register(context: RouteContext): RouteHandler {
  const { taskwise, native } = context
  return async (request) => {
    const body = await readJsonBody(request, registerBodySchema)
    if (!body.ok) return body.response
    const { email, password, name } = body.value
    const response = await native.callBetterAuth(request, '/sign-up/email', 'POST', {
      email,
      password,
      name: name ?? '',
    })
    if (response.ok) return tokenResponse(context, response, await response.json(), 201)
    const error = await errorBodyOf(response)
    const notStored = response.status === 422 && error.code === 'FAILED_TO_CREATE_USER'
    const taken =
      response.status === 422 &&
      (error.code?.startsWith('USER_ALREADY_EXISTS') === true ||
        (notStored && (await taskwise.db.$count(schema.user, eq(schema.user.email, email))) > 0))
    if (taken) {
      return problemResponse(
        'email_taken',
        'An account with this email address already exists. Sign in instead.',
        { errors: [bodyFieldError('email', 'email_taken', 'This email address is taken')] },
      )
    }
    if (notStored) {
      // Better Auth hides why it could not store a valid sign-up that no account stands in the
      // way of; what is left is the database (no free connection in time, a lost connection):
      // a 503 to retry, not a 500 (docs/decisions/0510-database-faults.md).
      taskwise.logger.warn('sign-up not stored: the database failed', { event: 'auth.sign_up' })
      return databaseUnavailable()
    }
    return native.passThroughError(response)
  }
}

/**
 * A right password for an account with two-factor sign-in on: `{twoFactorRequired, methods}` and
 * the pending state's cookie, no session and no token; or, from a device the person trusts, the
 * sign-in finished at once (docs/decisions/0207-two-factor-sign-in.md).
 */
async function secondFactorStep(
  context: RouteContext,
  request: Request,
  response: Response,
  email: string,
): Promise<Response> {
  const { taskwise } = context
  const [user] = await taskwise.db
    .select({ id: schema.user.id })
    .from(schema.user)
    .where(eq(schema.user.email, email))
    .limit(1)
  if (user && (await fromTrustedDevice(context, request, user.id))) {
    // The pending cookie was just set in `response`: finish with it, as the browser would.
    const pending = response.headers
      .getSetCookie()
      .map((cookie) => cookie.split(';')[0] ?? '')
      .filter((pair) => pair.includes('two_factor=') && !pair.endsWith('='))
    const headers = new Headers(request.headers)
    headers.set('cookie', [request.headers.get('cookie'), ...pending].filter(Boolean).join('; '))
    const done = await completeSignIn(context, new Request(request.url, { headers }), user.id)
    if (done) return done
  }
  return json(CHALLENGE, 200, setCookiesOf(response))
}

/**
 * POST /api/auth/login `{email, password}` → 200 `{user, token, expiresAt}`, or, for an account
 * with two-factor sign-in on, 200 `{twoFactorRequired: true, methods}` (then
 * POST /api/auth/login/two-factor).
 */
export function login(context: RouteContext): RouteHandler {
  const { native } = context
  return async (request) => {
    const body = await readJsonBody(request, loginBodySchema)
    if (!body.ok) return body.response
    const response = await native.callBetterAuth(request, '/sign-in/email', 'POST', body.value)
    if (response.ok) {
      const answer: unknown = await response.json()
      return secondFactorPendingSchema.safeParse(answer).success
        ? secondFactorStep(context, request, response, body.value.email)
        : tokenResponse(context, response, answer, 200)
    }
    if (response.status === 401) {
      // One body for an unknown email and a wrong password (Better Auth hashes a dummy
      // password for unknown users, so the time is comparable too).
      return problemResponse(
        'invalid_credentials',
        'The email address or the password is not correct.',
      )
    }
    return native.passThroughError(response)
  }
}
