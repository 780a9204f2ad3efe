import {
  AUTH_ERROR_CODES,
  loginBodySchema,
  registerBodySchema,
  type AuthTokenResponse,
  type AuthUser,
} from '@taskwise/contracts/auth-payloads'
import { JWT_ALGORITHM, JWT_AUDIENCE } from '@taskwise/contracts/auth'
import { passwordRuleCodeOf } from '@taskwise/contracts/password'
import { schema } from '@taskwise/db/client'
import { getIP } from 'better-auth/api'
import { and, eq, gt } from 'drizzle-orm'
import { createLocalJWKSet, decodeJwt, jwtVerify, type JSONWebKeySet } from 'jose'
import { z } from 'zod'
import { problemResponse, type ProblemFieldError } from '../http/problem'
import { type TaskwiseAuth } from './auth'
import { cookieFromRequest, cookieValueFromSetCookie } from './jwt-cookie'
import { ACCOUNT_LOCKED_ERROR_CODE, PASSWORD_POLICY_ERROR_CODE } from './taskwise-plugin'

/**
 * The HTTP face of authentication: Better Auth's own routes (wrapped so that a 429 always carries
 * `Retry-After` and is problem+json) and the seed's contract routes, which validate with the
 * shared schemas and then go through the very same Better Auth endpoints, with their rate limits,
 * CSRF checks and hooks, by an in-process request. Nothing here talks to a network.
 */

/** A request body larger than this is refused before it is parsed. */
const MAX_BODY_BYTES = 16 * 1024

/** What the in-process request carries over from the caller's request. */
const FORWARDED_REQUEST_HEADERS = [
  'cookie',
  'origin',
  'referer',
  'user-agent',
  'sec-fetch-site',
  'sec-fetch-mode',
  'sec-fetch-dest',
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-forwarded-host',
]

const INVALID_CREDENTIALS_DETAIL = 'The email address or the password is not correct.'

const betterAuthUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  createdAt: z.union([z.string(), z.date()]),
})

const betterAuthErrorSchema = z
  .object({ code: z.string().optional(), message: z.string().optional() })
  .loose()

const claimsSchema = z.object({ sub: z.uuid(), sid: z.uuid() })

type BodyResult<T> = { ok: true; value: T } | { ok: false; response: Response }

function toAuthUser(user: z.output<typeof betterAuthUserSchema>): AuthUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    createdAt: new Date(user.createdAt).toISOString(),
  }
}

function noStore(headers: Headers = new Headers()): Headers {
  headers.set('cache-control', 'no-store')
  return headers
}

function json(body: unknown, status: number, headers?: Headers): Response {
  const responseHeaders = noStore(headers)
  responseHeaders.set('content-type', 'application/json')
  return new Response(JSON.stringify(body), { status, headers: responseHeaders })
}

function setCookiesOf(response: Response): Headers {
  const headers = new Headers()
  for (const cookie of response.headers.getSetCookie()) headers.append('set-cookie', cookie)
  return headers
}

function bearerToken(request: Request): string | undefined {
  const header = request.headers.get('authorization')
  if (!header) return undefined
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header)
  return match?.[1] ?? ''
}

function fieldErrors(issues: readonly z.core.$ZodIssue[]): ProblemFieldError[] {
  return issues.map((issue) => {
    const path = issue.path.join('.') || '(body)'
    const code =
      passwordRuleCodeOf(issue) ??
      (issue.code === 'unrecognized_keys'
        ? 'unknown_field'
        : issue.code === 'invalid_format'
          ? `invalid_${issue.format}`
          : issue.code === 'invalid_type'
            ? issue.input === undefined
              ? 'required'
              : 'invalid_type'
            : issue.code)
    return { location: 'body', path, code, message: issue.message }
  })
}

async function readJsonBody<T extends z.ZodType>(
  request: Request,
  bodySchema: T,
): Promise<BodyResult<z.output<T>>> {
  const contentType = request.headers.get('content-type') ?? ''
  if (!/^application\/json\s*(;|$)/i.test(contentType)) {
    return {
      ok: false,
      response: problemResponse({
        status: 415,
        code: AUTH_ERROR_CODES.unsupportedMediaType,
        detail: 'Send the body as application/json.',
      }),
    }
  }
  const text = await request.text()
  if (new TextEncoder().encode(text).length > MAX_BODY_BYTES) {
    return {
      ok: false,
      response: problemResponse({
        status: 413,
        code: AUTH_ERROR_CODES.payloadTooLarge,
        detail: 'The request body is too large.',
      }),
    }
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return {
      ok: false,
      response: problemResponse({
        status: 400,
        code: AUTH_ERROR_CODES.malformedJson,
        detail: 'The request body is not valid JSON.',
      }),
    }
  }
  const parsed = bodySchema.safeParse(raw)
  if (parsed.success) return { ok: true, value: parsed.data }
  const errors = fieldErrors(parsed.error.issues)
  const onlyPassword = errors.every(
    (error) => error.path === 'password' && error.code.startsWith('password_'),
  )
  return {
    ok: false,
    response: problemResponse({
      status: 400,
      code: onlyPassword ? AUTH_ERROR_CODES.weakPassword : AUTH_ERROR_CODES.validation,
      detail: onlyPassword
        ? 'The password does not meet the policy; every unmet rule is listed.'
        : 'The request is not valid; every problem is listed.',
      errors,
    }),
  }
}

async function errorBodyOf(response: Response): Promise<z.output<typeof betterAuthErrorSchema>> {
  try {
    const parsed = betterAuthErrorSchema.safeParse(await response.clone().json())
    return parsed.success ? parsed.data : {}
  } catch {
    return {}
  }
}

export function createAuthHttp(taskwise: TaskwiseAuth) {
  const { auth, config, db, jwtCookie, logger } = taskwise

  /** Better Auth's handler, with every 429 turned into problem+json carrying Retry-After. */
  async function handleNative(request: Request): Promise<Response> {
    const response = await auth.handler(request)
    if (response.status !== 429) return response
    const body = await errorBodyOf(response)
    const retryAfter =
      response.headers.get('retry-after') ?? response.headers.get('x-retry-after') ?? '60'
    const locked = body.code === ACCOUNT_LOCKED_ERROR_CODE
    if (!locked) {
      logger.warn('rate limited', {
        event: 'auth.rate_limited',
        path: new URL(request.url).pathname,
        ip: getIP(request, auth.options) ?? 'unknown',
      })
    }
    return problemResponse({
      status: 429,
      code: locked ? AUTH_ERROR_CODES.accountLocked : AUTH_ERROR_CODES.rateLimited,
      detail: locked
        ? 'Too many sign-in attempts for this account. Try again after the time given in Retry-After.'
        : 'Too many requests. Try again after the time given in Retry-After.',
      headers: { 'retry-after': retryAfter },
    })
  }

  /** Calls a Better Auth endpoint in process, as the caller (same cookies, origin and client IP). */
  function callBetterAuth(
    request: Request,
    path: string,
    method: 'GET' | 'POST',
    body?: unknown,
  ): Promise<Response> {
    const headers = new Headers()
    for (const name of [...FORWARDED_REQUEST_HEADERS, config.clientIp.header]) {
      const value = request.headers.get(name)
      if (value !== null) headers.set(name, value)
    }
    if (body !== undefined) headers.set('content-type', 'application/json')
    const url = new URL(`/api/auth${path}`, config.baseUrl)
    return handleNative(
      new Request(url, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    )
  }

  /** Turns Better Auth's answer to a sign-up or sign-in into `{user, token, expiresAt}`. */
  async function tokenResponse(response: Response, status: number): Promise<Response> {
    const parsed = z.object({ user: betterAuthUserSchema }).safeParse(await response.json())
    const token = cookieValueFromSetCookie(response.headers.getSetCookie(), jwtCookie.name)
    if (!parsed.success || token === undefined)
      return internalError('the sign-in answer had no user or no JWT')
    const { exp } = decodeJwt(token)
    const body: AuthTokenResponse = {
      user: toAuthUser(parsed.data.user),
      token,
      expiresAt: new Date((exp ?? 0) * 1000).toISOString(),
    }
    return json(body, status, setCookiesOf(response))
  }

  function internalError(reason: string): Response {
    logger.error('auth request failed', { reason })
    return problemResponse({
      status: 500,
      code: AUTH_ERROR_CODES.internal,
      detail: 'Something went wrong on our side.',
    })
  }

  async function passThroughError(response: Response): Promise<Response> {
    if (response.status === 429) return response
    const body = await errorBodyOf(response)
    if (response.status === 403) {
      return problemResponse({
        status: 403,
        code: AUTH_ERROR_CODES.forbidden,
        detail:
          'A request that carries cookies must come from this site (a trusted Origin header). Programs should send no cookies.',
      })
    }
    if (response.status === 400) {
      return problemResponse({
        status: 400,
        code:
          body.code === PASSWORD_POLICY_ERROR_CODE
            ? AUTH_ERROR_CODES.weakPassword
            : AUTH_ERROR_CODES.validation,
        detail: body.message ?? 'The request is not valid.',
      })
    }
    return internalError(`better-auth answered ${response.status} ${body.code ?? ''}`.trim())
  }

  /** The user and session a Taskwise JWT names, if it verifies and its session is still live. */
  async function userFromJwt(token: string): Promise<{ user: AuthUser; sessionId: string } | null> {
    let claims: z.output<typeof claimsSchema>
    try {
      const jwks = (await auth.api.getJwks()) as JSONWebKeySet
      const { payload } = await jwtVerify(token, createLocalJWKSet(jwks), {
        algorithms: [JWT_ALGORITHM],
        issuer: config.baseUrl,
        audience: JWT_AUDIENCE,
        requiredClaims: ['exp', 'iat', 'sub', 'sid'],
        clockTolerance: 60,
      })
      claims = claimsSchema.parse(payload)
    } catch {
      return null // any failure at all is "not authenticated", never a 500
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
          eq(schema.session.id, claims.sid),
          eq(schema.session.userId, claims.sub),
          gt(schema.session.expiresAt, new Date()),
        ),
      )
      .limit(1)
    return row ? { user: toAuthUser(row), sessionId: claims.sid } : null
  }

  function unauthenticated(bearer: boolean): Response {
    return problemResponse({
      status: 401,
      code: AUTH_ERROR_CODES.invalidToken,
      detail: 'Sign in first: send a session cookie or an Authorization: Bearer token.',
      headers: bearer
        ? { 'www-authenticate': 'Bearer error="invalid_token"' }
        : { 'www-authenticate': 'Bearer' },
    })
  }

  /** Set-Cookie values that delete every auth cookie not already deleted in `headers`. */
  async function clearAuthCookies(headers: Headers): Promise<Headers> {
    const context = await auth.$context
    const already = new Set(headers.getSetCookie().map((cookie) => cookie.split('=')[0]?.trim()))
    const cookies = [
      { name: jwtCookie.name, secure: jwtCookie.attributes.secure },
      ...[
        context.authCookies.sessionToken,
        context.authCookies.sessionData,
        context.authCookies.dontRememberToken,
      ].map((cookie) => ({ name: cookie.name, secure: cookie.attributes.secure === true })),
    ]
    for (const cookie of cookies) {
      if (already.has(cookie.name)) continue
      headers.append(
        'set-cookie',
        `${cookie.name}=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax${cookie.secure ? '; Secure' : ''}`,
      )
    }
    return headers
  }

  return {
    handleNative,

    /** POST /api/auth/register `{email, password, name?}` → 201 `{user, token, expiresAt}`. */
    async register(request: Request): Promise<Response> {
      const body = await readJsonBody(request, registerBodySchema)
      if (!body.ok) return body.response
      const { email, password, name } = body.value
      const response = await callBetterAuth(request, '/sign-up/email', 'POST', {
        email,
        password,
        name: name ?? '',
      })
      if (response.ok) return tokenResponse(response, 201)
      const error = await errorBodyOf(response)
      const taken =
        response.status === 422 &&
        (error.code?.startsWith('USER_ALREADY_EXISTS') === true ||
          (error.code === 'FAILED_TO_CREATE_USER' &&
            (await db.$count(schema.user, eq(schema.user.email, email))) > 0))
      if (taken) {
        return problemResponse({
          status: 409,
          code: AUTH_ERROR_CODES.emailTaken,
          detail: 'An account with this email address already exists. Sign in instead.',
          errors: [
            {
              location: 'body',
              path: 'email',
              code: AUTH_ERROR_CODES.emailTaken,
              message: 'This email address is taken',
            },
          ],
        })
      }
      return passThroughError(response)
    },

    /** POST /api/auth/login `{email, password}` → 200 `{user, token, expiresAt}`. */
    async login(request: Request): Promise<Response> {
      const body = await readJsonBody(request, loginBodySchema)
      if (!body.ok) return body.response
      const response = await callBetterAuth(request, '/sign-in/email', 'POST', body.value)
      if (response.ok) return tokenResponse(response, 200)
      if (response.status === 401) {
        // One body for an unknown email and a wrong password (Better Auth hashes a dummy
        // password for unknown users, so the time is comparable too).
        return problemResponse({
          status: 401,
          code: AUTH_ERROR_CODES.invalidCredentials,
          detail: INVALID_CREDENTIALS_DETAIL,
        })
      }
      return passThroughError(response)
    },

    /** POST /api/auth/logout → 204: the session is revoked and every auth cookie cleared. */
    async logout(request: Request): Promise<Response> {
      const bearer = bearerToken(request)
      if (bearer !== undefined) {
        // A program holding only its JWT: end the session the token names (`sid`).
        const found = bearer === '' ? null : await userFromJwt(bearer)
        if (found) {
          await db.delete(schema.session).where(eq(schema.session.id, found.sessionId))
          logger.info('signed out', {
            event: 'auth.sign_out',
            outcome: 'success',
            userId: found.user.id,
            sessionId: found.sessionId,
            ip: getIP(request, auth.options) ?? 'unknown',
          })
        }
        return new Response(null, {
          status: 204,
          headers: noStore(await clearAuthCookies(new Headers())),
        })
      }
      if (request.headers.has('cookie')) {
        const response = await callBetterAuth(request, '/sign-out', 'POST', {})
        if (response.status === 403 || response.status === 429) return passThroughError(response)
        return new Response(null, {
          status: 204,
          headers: noStore(await clearAuthCookies(setCookiesOf(response))),
        })
      }
      return new Response(null, {
        status: 204,
        headers: noStore(await clearAuthCookies(new Headers())),
      })
    },

    /** GET /api/auth/me → 200 `{user}` for a session cookie, a Bearer JWT or the JWT cookie; else 401. */
    async me(request: Request): Promise<Response> {
      const bearer = bearerToken(request)
      if (bearer !== undefined) {
        const found = bearer === '' ? null : await userFromJwt(bearer)
        return found ? json({ user: found.user }, 200) : unauthenticated(true)
      }
      if (request.headers.has('cookie')) {
        const response = await callBetterAuth(request, '/get-session', 'GET')
        if (response.status === 429) return response
        if (response.ok) {
          const parsed = z
            .object({ user: betterAuthUserSchema })
            .nullable()
            .safeParse(await response.json())
          if (parsed.success && parsed.data)
            return json({ user: toAuthUser(parsed.data.user) }, 200, setCookiesOf(response))
        }
        const fromCookie = cookieFromRequest(request, jwtCookie.name)
        const found = fromCookie ? await userFromJwt(fromCookie) : null
        if (found) return json({ user: found.user }, 200)
      }
      return unauthenticated(false)
    },
  }
}

export type AuthHttp = ReturnType<typeof createAuthHttp>
