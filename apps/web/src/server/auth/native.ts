import { getIP } from 'better-auth/api'
import { CLIENT_ADDRESS_HEADER } from '../http/client-address-header'
import { z } from 'zod'
import { problemResponse } from '../http/problem'
import { json, setCookiesOf } from '../http/responses'
import { type TaskwiseAuth } from './auth'
import { ACCOUNT_LOCKED_ERROR_CODE, PASSWORD_POLICY_ERROR_CODE } from './taskwise-plugin'

/**
 * The gateway to Better Auth's own routes. From outside, only the routes that Taskwise's rules
 * cover are reachable (sign-up, sign-in, sign-out, get-session without its token, the token and
 * the keys); every other native route — list-sessions, change-password, delete-user, reset,
 * change-email, … — answers 404, so the contract routes beside it are the only way to those jobs
 * (docs/decisions/0206-account-routes.md). In process, the contract routes call any of them.
 */

/** Where Better Auth's routes are mounted (auth.ts: `basePath`). */
const BASE_PATH = '/api/auth'

/** Native routes that may be called from outside the web app. */
const PUBLIC_NATIVE_ROUTES = new Set([
  'POST /sign-up/email',
  'POST /sign-in/email',
  'POST /sign-out',
  'GET /get-session',
  'GET /token',
  'GET /jwks',
  'GET /ok',
  // The passkey ceremonies' second halves and the sign-in's first (docs/decisions/0207); adding
  // a passkey starts at POST /api/auth/passkeys/register-options, which asks for the password.
  'POST /passkey/verify-registration',
  'GET /passkey/generate-authenticate-options',
  'POST /passkey/verify-authentication',
])

/** Native routes whose bodies hold the session token (`token`, or `session.token`). */
const TOKEN_CARRYING_ROUTES = new Set([
  '/get-session',
  '/sign-in/email',
  '/sign-up/email',
  '/passkey/verify-authentication',
])

/** What the in-process request carries over from the caller's request. */
const FORWARDED_REQUEST_HEADERS = [
  'cookie',
  'origin',
  'referer',
  'user-agent',
  'sec-fetch-site',
  'sec-fetch-mode',
  'sec-fetch-dest',
  CLIENT_ADDRESS_HEADER,
  'x-forwarded-proto',
  'x-forwarded-host',
]

/** What Taskwise reads of a Better Auth error body (nothing else of it is passed on). */
const errorBodySchema = z
  .object({ code: z.string().optional(), message: z.string().optional() })
  .catch({})

export type NativeErrorBody = z.output<typeof errorBodySchema>

/** The `code` and `message` of an error answer; none of either if its body is not such JSON. */
export async function errorBodyOf(response: Response): Promise<NativeErrorBody> {
  const copy = response.clone()
  return errorBodySchema.parse(await copy.json().catch(() => null))
}

export function createNativeGateway(taskwise: TaskwiseAuth) {
  const { auth, config, logger } = taskwise

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
        ip: getIP(request, auth.options),
      })
    }
    return locked
      ? problemResponse(
          'account_locked',
          'Too many sign-in attempts for this account. Try again after the time given in Retry-After.',
          { headers: { 'retry-after': retryAfter } },
        )
      : problemResponse(
          'rate_limited',
          'Too many requests. Try again after the time given in Retry-After.',
          { headers: { 'retry-after': retryAfter } },
        )
  }

  /** A request from outside to /api/auth/*: the public native routes only, never a session token. */
  async function handleExternal(request: Request): Promise<Response> {
    // Exactly as written: Better Auth's router matches no trailing slash either, and answered one
    // with a bare 404 that was not problem+json.
    // (Only paths under BASE_PATH are routed here.)
    const path = new URL(request.url).pathname.slice(BASE_PATH.length)
    if (!PUBLIC_NATIVE_ROUTES.has(`${request.method} ${path}`)) {
      return problemResponse('not_found', 'There is no such route.')
    }
    const response = await handleNative(request)
    if (!TOKEN_CARRYING_ROUTES.has(path) || !response.ok) return response
    return json(parsedWithoutSessionToken(await response.text()), 200, setCookiesOf(response))
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
    // Browsers send Sec-Fetch-Site with every request, and Better Auth checks the Origin of any
    // request that has a Sec-Fetch header. Programs' HTTP clients (Node's fetch) add only
    // `Sec-Fetch-Mode: cors` and no Origin; without Sec-Fetch-Site the request is not a
    // browser's, so the lone mode header is not passed on and a CLI can sign in.
    if (!headers.has('sec-fetch-site')) {
      headers.delete('sec-fetch-mode')
      headers.delete('sec-fetch-dest')
    }
    headers.set('content-type', 'application/json')
    const url = new URL(`${BASE_PATH}${path}`, config.baseUrl)
    // A GET has no body: `JSON.stringify(undefined)` is undefined, so none is sent.
    return handleNative(new Request(url, { method, headers, body: JSON.stringify(body) }))
  }

  function internalError(reason: string): Response {
    logger.error('auth request failed', { reason })
    return problemResponse('internal_error', 'Something went wrong on our side.')
  }

  /** Better Auth's refusal of an in-process call, as the contract's problem+json. */
  async function passThroughError(response: Response): Promise<Response> {
    if (response.status === 429) return response
    const body = await errorBodyOf(response)
    if (response.status === 403) {
      return problemResponse(
        'forbidden',
        'A request that carries cookies must come from this site (a trusted Origin header). Programs should send no cookies.',
      )
    }
    if (response.status === 400) {
      return body.code === PASSWORD_POLICY_ERROR_CODE
        ? problemResponse(
            'password_policy',
            body.message ?? 'The password does not meet the policy.',
          )
        : problemResponse('validation_failed', body.message ?? 'The request is not valid.')
    }
    return internalError(`better-auth answered ${response.status} ${body.code ?? ''}`.trim())
  }

  return { handleNative, handleExternal, callBetterAuth, passThroughError, internalError }
}

export type NativeGateway = ReturnType<typeof createNativeGateway>

/**
 * A native answer with the session's bearer secret taken out: sign-in and sign-up put it in
 * `token`, get-session in `session.token`, so every field named `token` goes, at any depth (no
 * other field of these answers has that name). The httpOnly cookie is the only place it travels.
 */
function parsedWithoutSessionToken(text: string): unknown {
  return JSON.parse(text, (key, value: unknown) => (key === 'token' ? undefined : value))
}
