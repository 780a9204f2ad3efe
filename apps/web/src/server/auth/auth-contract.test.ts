import { JWT_AUDIENCE, JWT_COOKIE_NAME } from '@taskwise/contracts/auth'
import { schema } from '@taskwise/db/client'
import { eq, sql } from 'drizzle-orm'
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose'
import { describe, expect, test } from 'vitest'
import {
  BASE_URL,
  cookieHeaderFrom,
  strongPassword,
  uniqueEmail,
  useAuthHarness,
} from './test-harness'

const harness = useAuthHarness()

async function register(email = uniqueEmail(), password = strongPassword(), name?: string) {
  const response = await harness.request('/api/auth/register', {
    json: { email, password, ...(name ? { name } : {}) },
  })
  return { response, email, password }
}

async function countUsers(email: string): Promise<number> {
  return harness.taskwise.db.$count(schema.user, eq(schema.user.email, email))
}

describe('register, me, logout', () => {
  test('a new user registers, is known to /me by cookie and by token, logs out, and is then unknown', async () => {
    const { response, email } = await register(undefined, undefined, 'Ada')
    expect(response.status).toBe(201)
    expect(response.headers.get('content-type')).toBe('application/json')
    const body = (await response.json()) as {
      user: { id: string; email: string; name: string }
      token: string
      expiresAt: string
    }
    expect(body.user).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      email,
      name: 'Ada',
      createdAt: expect.any(String),
    })
    expect(body.token.split('.')).toHaveLength(3)
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now())

    const cookies = cookieHeaderFrom(response)
    expect(cookies).toContain('taskwise.session_token=')
    expect(cookies).toContain(`${JWT_COOKIE_NAME}=`)

    const byCookie = await harness.request('/api/auth/me', { headers: { cookie: cookies } })
    expect(byCookie.status).toBe(200)
    expect(await byCookie.json()).toEqual({ user: body.user })

    const byToken = await harness.request('/api/auth/me', {
      headers: { authorization: `Bearer ${body.token}` },
    })
    expect(byToken.status).toBe(200)
    expect(await byToken.json()).toEqual({ user: body.user })

    const logout = await harness.request('/api/auth/logout', {
      method: 'POST',
      headers: { cookie: cookies, origin: BASE_URL },
    })
    expect(logout.status).toBe(204)
    const cleared = logout.headers.getSetCookie()
    expect(
      cleared.some((c) => c.startsWith('taskwise.session_token=;') && /Max-Age=0/i.test(c)),
    ).toBe(true)
    expect(cleared.some((c) => c.startsWith(`${JWT_COOKIE_NAME}=;`) && /Max-Age=0/i.test(c))).toBe(
      true,
    )

    const afterByCookie = await harness.request('/api/auth/me', { headers: { cookie: cookies } })
    expect(afterByCookie.status).toBe(401)
    expect(afterByCookie.headers.get('content-type')).toBe('application/problem+json')
    expect(await afterByCookie.json()).toMatchObject({ status: 401, code: 'invalid_token' })

    // The session the token names is gone, so the token no longer works at /me either.
    const afterByToken = await harness.request('/api/auth/me', {
      headers: { authorization: `Bearer ${body.token}` },
    })
    expect(afterByToken.status).toBe(401)
    expect(afterByToken.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"')
  })

  test('a program logs out with its token alone, and the session is revoked', async () => {
    const { response } = await register()
    const { token } = (await response.json()) as { token: string }
    const logout = await harness.request('/api/auth/logout', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    })
    expect(logout.status).toBe(204)
    const me = await harness.request('/api/auth/me', {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(me.status).toBe(401)
  })

  test('/me without credentials, or with a forged token, is 401 problem+json', async () => {
    const anonymous = await harness.request('/api/auth/me')
    expect(anonymous.status).toBe(401)
    expect(await anonymous.json()).toMatchObject({
      type: expect.any(String),
      title: 'Authentication is required',
      status: 401,
      code: 'invalid_token',
    })
    const forged = await harness.request('/api/auth/me', {
      headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.x' },
    })
    expect(forged.status).toBe(401)
  })

  test('a cookie-carrying logout from another site is refused and the session survives', async () => {
    const { response } = await register()
    const cookies = cookieHeaderFrom(response)
    const logout = await harness.request('/api/auth/logout', {
      method: 'POST',
      headers: { cookie: cookies, origin: 'https://evil.example' },
    })
    expect(logout.status).toBe(403)
    expect(await logout.json()).toMatchObject({ code: 'forbidden' })
    expect((await harness.request('/api/auth/me', { headers: { cookie: cookies } })).status).toBe(
      200,
    )
  })
})

describe('the password policy at registration', () => {
  test.each([
    ['Ab1!xyz', 'password_too_short'],
    ['tangerine-kite-42', 'password_missing_uppercase'],
    ['TANGERINE-KITE-42', 'password_missing_lowercase'],
    ['Tangerine-Kite-xx', 'password_missing_digit'],
    ['TangerineKite42', 'password_missing_special'],
    ['Password1!', 'password_too_common'],
  ])('%s is refused with the code %s, and no user is created', async (password, code) => {
    const email = uniqueEmail()
    const response = await harness.request('/api/auth/register', { json: { email, password } })
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(await response.json()).toEqual({
      type: expect.any(String),
      title: 'The password does not meet the policy',
      status: 400,
      detail: expect.any(String),
      code: 'password_policy',
      errors: [{ location: 'body', path: 'password', code, message: expect.any(String) }],
    })
    expect(await countUsers(email)).toBe(0)
  })

  test('every unmet rule is listed by its code', async () => {
    const response = await harness.request('/api/auth/register', {
      json: { email: uniqueEmail(), password: 'zqv' },
    })
    expect(response.status).toBe(400)
    const body = (await response.json()) as { errors: { code: string }[] }
    expect(body.errors.map((error) => error.code)).toEqual([
      'password_too_short',
      'password_missing_uppercase',
      'password_missing_digit',
      'password_missing_special',
    ])
  })

  test('exactly 8 and exactly 128 characters are accepted; 7 and 129 are refused', async () => {
    const of = (length: number) => `Zq7!${'x'.repeat(length - 4)}`
    expect((await register(uniqueEmail(), of(8))).response.status).toBe(201)
    expect((await register(uniqueEmail(), of(128))).response.status).toBe(201)
    const seven = await register(uniqueEmail(), of(7))
    expect(seven.response.status).toBe(400)
    expect(await seven.response.json()).toMatchObject({ errors: [{ code: 'password_too_short' }] })
    const long = await register(uniqueEmail(), of(129))
    expect(long.response.status).toBe(400)
    expect(await long.response.json()).toMatchObject({ errors: [{ code: 'password_too_long' }] })
  })

  test.each(['Password1!', 'Qwerty123!', 'Welcome2024!'])(
    'the blocklisted %s is refused',
    async (password) => {
      const response = await harness.request('/api/auth/register', {
        json: { email: uniqueEmail(), password },
      })
      expect(response.status).toBe(400)
      expect(await response.json()).toMatchObject({ errors: [{ code: 'password_too_common' }] })
    },
  )

  test('a Unicode password round-trips exactly: the same string signs in, a look-alike does not', async () => {
    const password = ' Ünïcødé 密码 🔐 Ωmega-9 ' // leading and trailing spaces are part of it
    const { response, email } = await register(uniqueEmail(), password)
    expect(response.status).toBe(201)
    const login = await harness.request('/api/auth/login', { json: { email, password } })
    expect(login.status).toBe(200)
    const trimmed = await harness.request('/api/auth/login', {
      json: { email, password: password.trim() },
    })
    expect(trimmed.status).toBe(401)
    const decomposed = await harness.request('/api/auth/login', {
      json: { email, password: password.normalize('NFD') },
    })
    expect(decomposed.status).toBe(401)
  })

  test('128 characters of astral-plane Unicode are accepted and sign in', async () => {
    const password = `Zq7${'🔐'.repeat(125)}`
    const { response, email } = await register(uniqueEmail(), password)
    expect(response.status).toBe(201)
    expect((await harness.request('/api/auth/login', { json: { email, password } })).status).toBe(
      200,
    )
  })
})

describe('email addresses', () => {
  test('an email is trimmed and lower-cased before it is stored', async () => {
    const email = uniqueEmail('MiXeD').toUpperCase()
    const { response } = await register(`  ${email}  `)
    expect(response.status).toBe(201)
    expect(await response.json()).toMatchObject({ user: { email: email.toLowerCase() } })
  })

  test('an invalid address is refused with 400 and the field named', async () => {
    const response = await harness.request('/api/auth/register', {
      json: { email: 'not-an-email', password: strongPassword() },
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'email', code: 'invalid_email' }],
    })
  })

  test('registering an address twice, also in another letter case, is 409 and creates nothing', async () => {
    const email = uniqueEmail('dup')
    expect((await register(email)).response.status).toBe(201)
    const again = await register(email.toUpperCase())
    expect(again.response.status).toBe(409)
    expect(again.response.headers.get('content-type')).toBe('application/problem+json')
    expect(await again.response.json()).toMatchObject({ status: 409, code: 'email_taken' })
    expect(again.response.headers.getSetCookie()).toEqual([])
    expect(await countUsers(email)).toBe(1)
    const accounts = await harness.taskwise.db.execute<{ count: string }>(
      sql`select count(*) from account a join "user" u on u.id = a.user_id where u.email = ${email}`,
    )
    expect(Number(accounts.rows[0]?.count)).toBe(1)
  })

  test('a body that is not JSON is 415, and unknown fields are 400', async () => {
    const text = await harness.request('/api/auth/register', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'email=a@b.c',
    })
    expect(text.status).toBe(415)
    const extra = await harness.request('/api/auth/register', {
      json: { email: uniqueEmail(), password: strongPassword(), role: 'admin' },
    })
    expect(extra.status).toBe(400)
    expect(await extra.json()).toMatchObject({
      errors: [{ location: 'body', path: 'role', code: 'unknown_field' }],
    })
  })
})

describe('login', () => {
  test('the right password signs in with a token and cookies', async () => {
    const { email, password } = await register()
    const response = await harness.request('/api/auth/login', {
      json: { email: email.toUpperCase(), password },
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({
      user: { email },
      token: expect.any(String),
      expiresAt: expect.any(String),
    })
    expect(cookieHeaderFrom(response)).toContain('taskwise.session_token=')
  })

  test('a wrong password and an unknown email get the same status and body, in comparable time', async () => {
    const { email } = await register()
    const timed = async (body: unknown) => {
      const started = performance.now()
      const response = await harness.request('/api/auth/login', { json: body })
      return { response, ms: performance.now() - started }
    }
    // Warm up both paths once, then alternate them and compare medians (robust to a busy machine).
    await timed({ email, password: 'Wrong-Password-1' })
    await timed({ email: uniqueEmail('nobody'), password: 'Wrong-Password-1' })
    const wrongTimes: number[] = []
    const unknownTimes: number[] = []
    let wrong = await timed({ email, password: 'Wrong-Password-1' })
    let unknown = await timed({ email: uniqueEmail('nobody'), password: 'Wrong-Password-1' })
    for (let round = 0; round < 5; round += 1) {
      wrong = await timed({ email, password: 'Wrong-Password-1' })
      unknown = await timed({ email: uniqueEmail('nobody'), password: 'Wrong-Password-1' })
      wrongTimes.push(wrong.ms)
      unknownTimes.push(unknown.ms)
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[2] ?? 0
    expect(wrong.response.status).toBe(401)
    expect(unknown.response.status).toBe(401)
    const wrongBody = await wrong.response.text()
    expect(await unknown.response.text()).toBe(wrongBody)
    expect(JSON.parse(wrongBody)).toMatchObject({ code: 'invalid_credentials' })
    expect(wrong.response.headers.get('content-type')).toBe(
      unknown.response.headers.get('content-type'),
    )
    // Both paths run argon2id once, so neither is several times faster than the other.
    const [a, b] = [median(wrongTimes), median(unknownTimes)]
    const ratio = Math.max(a, b) / Math.min(a, b)
    expect(ratio).toBeLessThan(3)
  })
})

describe('the JWT', () => {
  test('verifies against the JWKS at /api/auth/jwks with the right iss, aud, sub, sid and a 7-day exp', async () => {
    const { response, email } = await register()
    const { token, user, expiresAt } = (await response.json()) as {
      token: string
      user: { id: string }
      expiresAt: string
    }
    const jwksResponse = await harness.request('/api/auth/jwks')
    expect(jwksResponse.status).toBe(200)
    const jwks = (await jwksResponse.json()) as JSONWebKeySet
    expect(jwks.keys.every((key) => key.d === undefined)).toBe(true) // public keys only
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'EdDSA' })

    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks), {
      algorithms: ['EdDSA'],
      issuer: BASE_URL,
      audience: JWT_AUDIENCE,
      requiredClaims: ['exp', 'iat', 'sub'],
    })
    expect(payload.sub).toBe(user.id)
    expect(payload.email).toBe(email)
    expect(payload.sid).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/))
    expect(Object.keys(payload).sort()).toEqual(['aud', 'email', 'exp', 'iat', 'iss', 'sid', 'sub'])
    const sevenDays = 7 * 24 * 60 * 60
    expect(payload.exp! - payload.iat!).toBe(sevenDays)
    expect(Math.abs(payload.exp! - (Date.now() / 1000 + sevenDays))).toBeLessThan(60)
    expect(Date.parse(expiresAt)).toBe(payload.exp! * 1000)
    // The cookie carries the same token.
    expect(cookieHeaderFrom(response)).toContain(`${JWT_COOKIE_NAME}=${token}`)
  })

  test('the signing key is stored encrypted', async () => {
    const rows = await harness.taskwise.db.select().from(schema.jwks)
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) {
      expect(row.alg).toBe('EdDSA')
      expect(row.privateKey).not.toContain('"d"')
    }
  })
})

describe('cookies', () => {
  test('the session and JWT cookies are HttpOnly, SameSite=Lax, Path=/ (and not Secure over http)', async () => {
    const { response } = await register()
    const cookies = response.headers.getSetCookie()
    const session = cookies.find((cookie) => cookie.startsWith('taskwise.session_token='))
    const jwt = cookies.find((cookie) => cookie.startsWith(`${JWT_COOKIE_NAME}=`))
    for (const cookie of [session, jwt]) {
      expect(cookie).toBeDefined()
      expect(cookie).toMatch(/;\s*HttpOnly/i)
      expect(cookie).toMatch(/;\s*SameSite=Lax/i)
      expect(cookie).toMatch(/;\s*Path=\/(;|$)/)
      expect(cookie).not.toMatch(/;\s*Secure/i)
    }
    expect(jwt).toMatch(/Max-Age=604800/)
  })
})

describe('logging', () => {
  test('sign-up, sign-in success and failure, and sign-out are logged without a password, token or email', async () => {
    const { response, email, password } = await register()
    const { token } = (await response.json()) as { token: string }
    await harness.request('/api/auth/login', { json: { email, password: 'Wrong-Password-1' } })
    const login = await harness.request('/api/auth/login', { json: { email, password } })
    await harness.request('/api/auth/logout', {
      method: 'POST',
      headers: { cookie: cookieHeaderFrom(login), origin: BASE_URL },
    })
    const lines = harness.logs.map((record) => JSON.stringify(record))
    for (const secret of [password, token, email]) {
      expect(lines.some((line) => line.includes(secret))).toBe(false)
    }
    const events = harness.logs.map((record) => `${record.event}:${record.outcome}`)
    expect(events).toEqual(
      expect.arrayContaining([
        'auth.sign_up:success',
        'auth.sign_in:failure',
        'auth.sign_in:success',
        'auth.sign_out:success',
      ]),
    )
    const failure = harness.logs.find(
      (record) => record.event === 'auth.sign_in' && record.outcome === 'failure',
    )
    expect(failure).toMatchObject({
      emailHash: expect.stringMatching(/^[0-9a-f]{16}$/),
      ip: '127.0.0.1',
    })
    const signOut = harness.logs.find((record) => record.event === 'auth.sign_out')
    expect(signOut?.userId).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/))
  })
})

describe('programs and cross-site forms', () => {
  test('a program’s fetch (Sec-Fetch-Mode only, no Origin, no cookie) signs in', async () => {
    const { email, password } = await register()
    const response = await harness.request('/api/auth/login', {
      json: { email, password },
      headers: { 'sec-fetch-mode': 'cors', 'user-agent': 'taskwise-cli/1.0' },
    })
    expect(response.status).toBe(200)
  })

  test('a cross-site form post from a browser cannot sign anyone in', async () => {
    const { email, password } = await register()
    const response = await harness.request('/api/auth/login', {
      json: { email, password },
      headers: {
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
        'sec-fetch-mode': 'navigate',
        'sec-fetch-dest': 'document',
      },
    })
    expect(response.status).toBe(403)
    expect(await response.json()).toMatchObject({
      code: 'forbidden',
      detail: expect.stringContaining('must come from this site (a trusted Origin header)'),
    })
    expect(response.headers.getSetCookie()).toEqual([])
  })
})
