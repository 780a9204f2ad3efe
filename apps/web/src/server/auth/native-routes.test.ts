import { JWT_AUDIENCE, JWT_COOKIE_NAME } from '@taskwise/contracts/auth'
import { createLocalJWKSet, decodeJwt, jwtVerify, type JSONWebKeySet } from 'jose'
import { describe, expect, test } from 'vitest'
import { cookieValueFromSetCookie } from './jwt-cookie'
import { createNativeGateway } from './native'
import { PASSWORD_POLICY_ERROR_CODE } from './taskwise-plugin'
import {
  BASE_URL,
  cookieHeaderFrom,
  strongPassword,
  uniqueEmail,
  useAuthHarness,
} from './test-harness'

// Better Auth's own routes stay available beside the contract, and hold to the same rules.

const harness = useAuthHarness()

async function signUp(email = uniqueEmail(), password = strongPassword()) {
  const response = await harness.request('/api/auth/sign-up/email', {
    json: { email, password, name: 'Native' },
  })
  return { response, email, password }
}

async function verify(token: string) {
  const jwks = (await (await harness.request('/api/auth/jwks')).json()) as JSONWebKeySet
  const { payload } = await jwtVerify(token, createLocalJWKSet(jwks), {
    algorithms: ['EdDSA'],
    issuer: BASE_URL,
    audience: JWT_AUDIENCE,
  })
  return payload
}

describe('Better Auth’s own routes', () => {
  test('sign-up/email refuses a weak password with every unmet rule, and creates nothing', async () => {
    const { response, email } = await signUp(undefined, 'password')
    expect(response.status).toBe(400)
    const body = (await response.json()) as { code: string; errors: { code: string }[] }
    expect(body.code).toBe('PASSWORD_POLICY')
    expect(body.errors.map((error) => error.code)).toEqual([
      'password_missing_uppercase',
      'password_missing_digit',
      'password_missing_special',
      'password_too_common',
    ])
    const rows = await harness.taskwise.pool.query('select 1 from "user" where email = $1', [email])
    expect(rows.rowCount).toBe(0)
  })

  test('sign-up/email with a good password sets the session cookie and a JWT cookie that verifies', async () => {
    const { response, email } = await signUp(`  ${uniqueEmail().toUpperCase()}  `)
    expect(response.status).toBe(200)
    const { user } = (await response.json()) as { user: { id: string; email: string } }
    expect(user.email).toBe(email.trim().toLowerCase())
    const token = cookieValueFromSetCookie(response.headers.getSetCookie(), JWT_COOKIE_NAME)
    expect(token).toBeDefined()
    const payload = await verify(token!)
    expect(payload).toMatchObject({ sub: user.id, email: user.email, sid: expect.any(String) })
  })

  test('sign-in/email sets the JWT cookie, and get-session does not leak a JWT header', async () => {
    const { email, password } = await signUp()
    const response = await harness.request('/api/auth/sign-in/email', { json: { email, password } })
    expect(response.status).toBe(200)
    const token = cookieValueFromSetCookie(response.headers.getSetCookie(), JWT_COOKIE_NAME)
    expect(token).toBeDefined()
    const session = await harness.request('/api/auth/get-session', {
      headers: { cookie: cookieHeaderFrom(response) },
    })
    expect(session.status).toBe(200)
    expect(session.headers.get('set-auth-jwt')).toBeNull()
  })

  test('/token issues the same small claim set for a signed-in user', async () => {
    const { response } = await signUp()
    const tokenResponse = await harness.request('/api/auth/token', {
      headers: { cookie: cookieHeaderFrom(response) },
    })
    expect(tokenResponse.status).toBe(200)
    const { token } = (await tokenResponse.json()) as { token: string }
    expect(Object.keys(decodeJwt(token)).sort()).toEqual([
      'aud',
      'email',
      'exp',
      'iat',
      'iss',
      'sid',
      'sub',
    ])
  })

  // change-password, change-email and reset-password share their paths with the contract routes,
  // which take precedence (account.test.ts); the rest of Better Auth's account routes are closed.
  test('the account routes Better Auth has natively answer 404 from outside, so none skips the contract', async () => {
    const { response, password } = await signUp()
    const headers = { cookie: cookieHeaderFrom(response), origin: BASE_URL }
    const closed: Array<[string, string, unknown?]> = [
      ['GET', '/api/auth/list-sessions'],
      ['POST', '/api/auth/revoke-session', { token: 'x' }],
      ['POST', '/api/auth/revoke-sessions', {}],
      ['POST', '/api/auth/revoke-other-sessions', {}],
      ['POST', '/api/auth/delete-user', { password }],
      ['POST', '/api/auth/update-user', { name: 'Changed' }],
      ['GET', '/api/auth/reset-password/some-token?callbackURL=/'],
      ['POST', '/api/auth/request-password-reset', { email: 'someone@example.com' }],
      ['POST', '/api/auth/reset-password/some-token', {}],
      ['GET', '/api/auth/list-accounts'],
    ]
    for (const [method, path, json] of closed) {
      const answer = await harness.request(path, { method, headers, ...(json ? { json } : {}) })
      expect(answer.status, `${method} ${path}`).toBe(404)
      expect(answer.headers.get('content-type')).toBe('application/problem+json')
      expect(await answer.json()).toMatchObject({
        code: 'not_found',
        detail: 'There is no such route.',
      })
    }
    // Nothing changed: the old password still signs in, the name is unchanged.
    const me = await harness.request('/api/auth/me', { headers })
    expect(await me.json()).toMatchObject({ user: { name: 'Native' } })
  })

  test('sign-up, sign-in and get-session never hand a session token to the page', async () => {
    const { response, email, password } = await signUp()
    expect(await response.clone().json()).not.toHaveProperty('token')
    const signIn = await harness.request('/api/auth/sign-in/email', { json: { email, password } })
    expect(signIn.status).toBe(200)
    expect(await signIn.json()).not.toHaveProperty('token')
    const session = await harness.request('/api/auth/get-session', {
      headers: { cookie: cookieHeaderFrom(response) },
    })
    expect(session.status).toBe(200)
    const body = (await session.json()) as { session: Record<string, unknown>; user: unknown }
    expect(body.session.id).toEqual(expect.any(String))
    expect(body.session).not.toHaveProperty('token')
    expect(JSON.stringify(body)).not.toContain(
      decodeURIComponent(
        cookieHeaderFrom(response).split('session_token=')[1]?.split('.')[0] ?? 'x',
      ),
    )
  })

  test('a public route with a trailing slash is a 404 problem, like any other unknown route', async () => {
    for (const path of ['/api/auth/jwks/', '/api/auth/jwks//']) {
      const response = await harness.request(path)
      expect(response.status, path).toBe(404)
      expect(response.headers.get('content-type')).toBe('application/problem+json')
      expect(await response.json()).toMatchObject({ code: 'not_found' })
    }
  })

  test('get-session without a session answers 200 null, not an error', async () => {
    const response = await harness.request('/api/auth/get-session')
    expect(response.status).toBe(200)
    expect(await response.json()).toBeNull()
  })

  test('GET /api/auth/ok, the health probe, answers 200', async () => {
    const response = await harness.request('/api/auth/ok')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ ok: true })
  })

  test('sign-out revokes the session and clears the JWT cookie', async () => {
    const { response } = await signUp()
    const cookie = cookieHeaderFrom(response)
    const signOut = await harness.request('/api/auth/sign-out', {
      method: 'POST',
      headers: { cookie, origin: BASE_URL },
    })
    expect(signOut.status).toBe(200)
    const jwtCookie = signOut.headers
      .getSetCookie()
      .find((value) => value.startsWith(`${JWT_COOKIE_NAME}=`))
    expect(jwtCookie).toMatch(/Max-Age=0/)
    expect((await harness.request('/api/auth/me', { headers: { cookie } })).status).toBe(401)
  })
})

// The contract routes hand Better Auth's refusals of their in-process calls to passThroughError.
// The answers below are ones Better Auth does not give today (each route handles the ones it
// does); they are what a newer version, or a plugin, could give.
describe('Better Auth’s refusals, as the contract routes answer them', () => {
  async function passedThrough(answer: Response) {
    const response = await createNativeGateway(harness.taskwise).passThroughError(answer)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  }

  test('a 400 without a message gets the default detail of its code', async () => {
    const policy = await passedThrough(
      Response.json({ code: PASSWORD_POLICY_ERROR_CODE }, { status: 400 }),
    )
    expect(policy).toMatchObject({
      status: 400,
      body: { code: 'password_policy', detail: 'The password does not meet the policy.' },
    })
    const other = await passedThrough(Response.json({ code: 'SOMETHING_NEW' }, { status: 400 }))
    expect(other).toMatchObject({
      status: 400,
      body: { code: 'validation_failed', detail: 'The request is not valid.' },
    })
  })

  test('any other answer is a 500 internal_error, and its status and code are logged', async () => {
    const answers: Array<[Response, string]> = [
      [
        Response.json({ code: 'SOMETHING_NEW', message: 'New.' }, { status: 422 }),
        'better-auth answered 422 SOMETHING_NEW',
      ],
      // Not JSON: no code to log.
      [new Response('<html>Bad gateway</html>', { status: 502 }), 'better-auth answered 502'],
    ]
    for (const [answer, reason] of answers) {
      expect(await passedThrough(answer)).toMatchObject({
        status: 500,
        body: { code: 'internal_error', detail: 'Something went wrong on our side.' },
      })
      expect(harness.logs).toContainEqual(
        expect.objectContaining({ msg: 'auth request failed', reason }),
      )
    }
  })
})
