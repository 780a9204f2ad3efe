import { schema } from '@taskwise/db/client'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createAccountHarness, linkIn, signUp, type AccountHarness } from './account-testing'
import { BASE_URL, cookieHeaderFrom } from './test-harness'
import {
  awayFromStepEdge,
  codeAt,
  enrol,
  passwordStep,
  secondStep,
} from './two-factor/two-factor-testing'

// Two-factor sign-in: enrolment, the second step, the replay guard, backup codes, no session
// or JWT before the second factor, reset, lockout (docs/decisions/0207-two-factor-sign-in.md).

const LOCK_AFTER = 6
let harness: AccountHarness

beforeAll(async () => {
  harness = await createAccountHarness({ AUTH_LOCKOUT_MAX_FAILURES: String(LOCK_AFTER) })
})

afterAll(async () => {
  await harness?.close()
})

async function twoFactorRow(userId: string) {
  const [row] = await harness.taskwise.db
    .select()
    .from(schema.twoFactor)
    .where(eq(schema.twoFactor.userId, userId))
  return row
}

async function activityTypes(token: string): Promise<string[]> {
  const response = await harness.request('/api/auth/activity', {
    headers: { authorization: `Bearer ${token}` },
  })
  return ((await response.json()) as { items: { type: string }[] }).items.map((item) => item.type)
}

const cookieNames = (response: Response) =>
  response.headers
    .getSetCookie()
    .filter((cookie) => !/^[^=]+=;/.test(cookie) && !/Max-Age=0/i.test(cookie))
    .map((cookie) => cookie.split('=')[0])

describe('enrolment', () => {
  test('needs the password, is off until a first code confirms it, and shows ten backup codes stored only as hashes', async () => {
    const person = await signUp(harness)
    const wrong = await harness.request('/api/auth/two-factor/enable', {
      headers: person.browser,
      json: { password: 'Not-the-password-1!' },
    })
    expect(wrong.status).toBe(400)
    expect(await wrong.json()).toMatchObject({ code: 'invalid_password' })

    await awayFromStepEdge()
    const started = await harness.request('/api/auth/two-factor/enable', {
      headers: person.browser,
      json: { password: person.password },
    })
    expect(started.status).toBe(200)
    const { secret, otpauthUri } = (await started.json()) as { secret: string; otpauthUri: string }
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    const uri = new URL(otpauthUri)
    expect(uri.protocol).toBe('otpauth:')
    expect(uri.searchParams.get('secret')).toBe(secret)
    expect(uri.searchParams.get('issuer')).toBe('Taskwise')
    expect((await twoFactorRow(person.id))?.secret).not.toContain(secret)

    // Not on yet: the password alone still signs in.
    expect((await passwordStep(harness, person)).response.status).toBe(200)
    const status = await harness.request('/api/auth/two-factor', { headers: person.browser })
    expect(await status.json()).toEqual({ enabled: false, backupCodesLeft: 0 })

    const confirm = (code: string) =>
      harness.request('/api/auth/two-factor/confirm', { headers: person.browser, json: { code } })
    const bad = await confirm(codeAt(secret, -3))
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({
      code: 'invalid_code',
      errors: [{ path: 'code', code: 'invalid_code' }],
    })
    const confirmed = await confirm(codeAt(secret))
    expect(confirmed.status).toBe(200)
    const { backupCodes } = (await confirmed.json()) as { backupCodes: string[] }
    expect(backupCodes).toHaveLength(10)
    expect(new Set(backupCodes).size).toBe(10)
    for (const code of backupCodes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/)

    const stored = (await twoFactorRow(person.id))?.backupCodes ?? ''
    const hashes = JSON.parse(stored) as string[]
    expect(hashes).toHaveLength(10)
    for (const hash of hashes) expect(hash).toMatch(/^\$(argon2id|scrypt)/)
    for (const code of backupCodes) {
      expect(stored).not.toContain(code)
      expect(stored).not.toContain(code.replace('-', ''))
    }

    const after = await harness.request('/api/auth/two-factor', { headers: person.browser })
    expect(await after.json()).toEqual({ enabled: true, backupCodesLeft: 10 })
    const again = await harness.request('/api/auth/two-factor/enable', {
      headers: person.browser,
      json: { password: person.password },
    })
    expect(again.status).toBe(409)
    expect(await again.json()).toMatchObject({ code: 'two_factor_enabled' })
    expect((await harness.mailTo(person.email, /two-factor sign-in is on/i)).text).toMatch(
      /if it wasn't you/i,
    )
    expect(await activityTypes(person.token)).toContain('two_factor_enabled')
  })

  test('a confirmation with no set-up waiting is a 409', async () => {
    const person = await signUp(harness)
    const response = await harness.request('/api/auth/two-factor/confirm', {
      headers: person.browser,
      json: { code: '123456' },
    })
    expect(response.status).toBe(409)
    expect(await response.json()).toMatchObject({ code: 'two_factor_not_pending' })
  })
})

describe('signing in with a second factor', () => {
  test('the password alone gives no session, no JWT and no token, by any route', async () => {
    const person = await signUp(harness)
    await enrol(harness, person)
    const { response, cookie } = await passwordStep(harness, person)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      twoFactorRequired: true,
      methods: ['totp', 'backup_code'],
    })
    expect(cookieNames(response)).toEqual(['taskwise.two_factor'])

    const headers = { cookie, origin: BASE_URL }
    expect((await harness.request('/api/auth/me', { headers })).status).toBe(401)
    const session = await harness.request('/api/auth/get-session', { headers })
    expect(await session.json()).toBeNull()
    expect((await harness.request('/api/auth/token', { headers })).status).toBe(401)
    for (const path of ['verify-totp', 'verify-backup-code', 'get-totp-uri', 'send-otp']) {
      const native = await harness.request(`/api/auth/two-factor/${path}`, {
        headers,
        json: { code: '000000', password: person.password },
      })
      expect(native.status).toBe(404)
    }

    // Better Auth's own sign-in route holds the sign-in back the same way.
    const nativeSignIn = await harness.request('/api/auth/sign-in/email', {
      json: { email: person.email, password: person.password },
    })
    expect(nativeSignIn.status).toBe(200)
    const nativeBody = (await nativeSignIn.json()) as Record<string, unknown>
    expect(nativeBody).toMatchObject({ twoFactorRedirect: true })
    expect(nativeBody).not.toHaveProperty('token')
    expect(cookieNames(nativeSignIn)).toEqual(['taskwise.two_factor'])
    const rows = await harness.taskwise.db
      .select()
      .from(schema.session)
      .where(eq(schema.session.userId, person.id))
    expect(rows).toHaveLength(1) // the one from signing up
  })

  test('a right code signs in as login does; the same code again, or a wrong one, is refused', async () => {
    const person = await signUp(harness)
    const { secret } = await enrol(harness, person)
    const first = await passwordStep(harness, person)
    const wrong = await secondStep(harness, first.cookie, { code: codeAt(secret, -5) })
    expect(wrong.status).toBe(400)
    expect(await wrong.json()).toMatchObject({ code: 'invalid_code' })

    const code = codeAt(secret)
    const done = await secondStep(harness, first.cookie, { code })
    expect(done.status).toBe(200)
    const body = (await done.json()) as { user: { id: string }; token: string; expiresAt: string }
    expect(body.user.id).toBe(person.id)
    expect(cookieNames(done)).toEqual(
      expect.arrayContaining(['taskwise.session_token', 'taskwise.jwt']),
    )
    expect(
      (
        await harness.request('/api/auth/me', {
          headers: { authorization: `Bearer ${body.token}` },
        })
      ).status,
    ).toBe(200)
    const found = await harness.taskwise.auth.api.getSession({
      headers: new Headers({ cookie: cookieHeaderFrom(done) }),
    })
    expect(found?.user.id).toBe(person.id)

    // The pending state is used up; a new sign-in cannot reuse the accepted code.
    expect((await secondStep(harness, first.cookie, { code })).status).toBe(401)
    const second = await passwordStep(harness, person)
    const replayed = await secondStep(harness, second.cookie, { code })
    expect(replayed.status).toBe(400)
    expect(await replayed.json()).toMatchObject({ code: 'invalid_code' })
    expect((await secondStep(harness, second.cookie, { code: codeAt(secret, 1) })).status).toBe(200)
    const types = await activityTypes(body.token)
    expect(types.filter((type) => type === 'sign_in')).toHaveLength(2)
    expect(types).toContain('sign_in_failed')
  })

  test('a code from the previous 30-second step is accepted, one from two steps back is not, and no step is accepted twice', async () => {
    const person = await signUp(harness)
    await awayFromStepEdge()
    const started = await harness.request('/api/auth/two-factor/enable', {
      headers: person.browser,
      json: { password: person.password },
    })
    const { secret } = (await started.json()) as { secret: string }
    const confirm = (code: string) =>
      harness.request('/api/auth/two-factor/confirm', { headers: person.browser, json: { code } })
    expect((await confirm(codeAt(secret, -2))).status).toBe(400)
    expect((await confirm(codeAt(secret, -1))).status).toBe(200)
    const pending = await passwordStep(harness, person)
    const step = (offset: number) =>
      secondStep(harness, pending.cookie, { code: codeAt(secret, offset) })
    expect((await step(-1)).status).toBe(400) // accepted once already, at the confirmation
    expect((await step(0)).status).toBe(200)
    const later = await passwordStep(harness, person)
    const replay = await secondStep(harness, later.cookie, { code: codeAt(secret, 0) })
    expect(replay.status).toBe(400)
    expect((await secondStep(harness, later.cookie, { code: codeAt(secret, -1) })).status).toBe(400)
  })

  test('two requests with the same code at once: one signs in, the other is refused', async () => {
    const person = await signUp(harness)
    const { secret } = await enrol(harness, person)
    const one = await passwordStep(harness, person)
    const two = await passwordStep(harness, person)
    const code = codeAt(secret)
    const statuses = await Promise.all([
      secondStep(harness, one.cookie, { code }),
      secondStep(harness, two.cookie, { code }),
    ]).then((responses) => responses.map((response) => response.status).sort())
    expect(statuses).toEqual([200, 400])
  })

  test('a body with both a code and a backup code, or neither, is a 400 naming `code`', async () => {
    const person = await signUp(harness)
    await enrol(harness, person)
    const { cookie } = await passwordStep(harness, person)
    for (const json of [{}, { code: '123456', backupCode: 'abcde-fghjk' }, { code: '12345' }]) {
      const response = await secondStep(harness, cookie, json)
      expect(response.status).toBe(400)
      expect(await response.json()).toMatchObject({
        code: 'validation_failed',
        errors: [expect.objectContaining({ path: 'code' })],
      })
    }
  })

  test('without a pending sign-in the second step is a 401; from another site, a 403', async () => {
    const none = await secondStep(harness, 'taskwise.two_factor=forged.value', { code: '123456' })
    expect(none.status).toBe(401)
    expect(await none.json()).toMatchObject({ code: 'two_factor_challenge_invalid' })
    const crossSite = await harness.request('/api/auth/login/two-factor', {
      headers: { cookie: 'taskwise.two_factor=x', origin: 'https://evil.example' },
      json: { code: '123456' },
    })
    expect(crossSite.status).toBe(403)
  })
})

describe('backup codes', () => {
  test('each works once, is recorded and mailed; new codes end the old ones', async () => {
    const person = await signUp(harness)
    const { backupCodes } = await enrol(harness, person)
    const [first = '', second = ''] = backupCodes
    const pending = await passwordStep(harness, person)
    const done = await secondStep(harness, pending.cookie, { backupCode: first.toUpperCase() })
    expect(done.status).toBe(200)
    const { token } = (await done.json()) as { token: string }
    const mail = await harness.mailTo(person.email, /backup code was used/i)
    expect(mail.text).toContain('9 backup codes are left')
    expect(await activityTypes(token)).toContain('backup_code_used')

    const again = await passwordStep(harness, person)
    const reused = await secondStep(harness, again.cookie, { backupCode: first })
    expect(reused.status).toBe(400)
    expect(await reused.json()).toMatchObject({ errors: [{ path: 'backupCode' }] })

    const status = await harness.request('/api/auth/two-factor', {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(await status.json()).toEqual({ enabled: true, backupCodesLeft: 9 })

    const renewed = await harness.request('/api/auth/two-factor/backup-codes', {
      headers: { authorization: `Bearer ${token}` },
      json: { password: person.password },
    })
    expect(renewed.status).toBe(200)
    const fresh = ((await renewed.json()) as { backupCodes: string[] }).backupCodes
    expect((await secondStep(harness, again.cookie, { backupCode: second })).status).toBe(400)
    expect((await secondStep(harness, again.cookie, { backupCode: fresh[0] })).status).toBe(200)
  })
})

describe('no way around the second factor', () => {
  test('a password reset leaves two-factor sign-in on', async () => {
    const person = await signUp(harness)
    await enrol(harness, person)
    await harness.request('/api/auth/forgot-password', { json: { email: person.email } })
    const link = linkIn(await harness.mailTo(person.email, /reset/i), `${BASE_URL}/reset-password`)
    const newPassword = `${person.password}-new`
    const reset = await harness.request('/api/auth/reset-password', {
      json: { token: link.searchParams.get('token'), password: newPassword },
    })
    expect(reset.status).toBe(204)
    const { response } = await passwordStep(harness, { ...person, password: newPassword })
    expect(await response.json()).toMatchObject({ twoFactorRequired: true })
  })

  test(`wrong codes count towards the account's lock: after ${LOCK_AFTER} attempts even a right code is refused`, async () => {
    const person = await signUp(harness)
    const { secret } = await enrol(harness, person)
    const { cookie } = await passwordStep(harness, person) // attempt 1
    for (let attempt = 2; attempt <= LOCK_AFTER; attempt += 1) {
      expect((await secondStep(harness, cookie, { code: codeAt(secret, -5) })).status).toBe(400)
    }
    const locked = await secondStep(harness, cookie, { code: codeAt(secret) })
    expect(locked.status).toBe(429)
    expect(await locked.json()).toMatchObject({ code: 'account_locked' })
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await passwordStep(harness, person)).response.status).toBe(429)
  })
})

describe('turning it off', () => {
  test('needs the password and a code; then the password alone signs in', async () => {
    const person = await signUp(harness)
    const { secret } = await enrol(harness, person)
    const disable = (json: unknown) =>
      harness.request('/api/auth/two-factor/disable', { headers: person.browser, json })
    expect((await disable({ password: person.password })).status).toBe(400)
    const wrongCode = await disable({ password: person.password, code: codeAt(secret, -5) })
    expect(await wrongCode.json()).toMatchObject({ code: 'invalid_code' })
    const wrongPassword = await disable({ password: 'Not-the-password-1!', code: codeAt(secret) })
    expect(await wrongPassword.json()).toMatchObject({ code: 'invalid_password' })
    expect((await disable({ password: person.password, code: codeAt(secret) })).status).toBe(204)
    const { response } = await passwordStep(harness, person)
    expect(await response.json()).toMatchObject({ token: expect.any(String) })
    expect(await harness.mailTo(person.email, /turned off/i)).toBeDefined()
    expect(await activityTypes(person.token)).toContain('two_factor_disabled')
    expect(await twoFactorRow(person.id)).toBeUndefined()
  })
})

describe('trusted device', () => {
  test('skips the second step on that browser for that account, until the sessions are revoked', async () => {
    const person = await signUp(harness)
    const { secret } = await enrol(harness, person)
    const pending = await passwordStep(harness, person)
    const done = await secondStep(harness, pending.cookie, {
      code: codeAt(secret),
      trustDevice: true,
    })
    expect(done.status).toBe(200)
    const trusted = done.headers
      .getSetCookie()
      .find((cookie) => cookie.startsWith('taskwise.trusted_device='))
    expect(trusted).toMatch(/HttpOnly/)
    expect(trusted).toMatch(/Max-Age=2592000/)
    const device = trusted?.split(';')[0] ?? ''
    const { token } = (await done.json()) as { token: string }

    const direct = await passwordStep(harness, person, device)
    expect(direct.response.status).toBe(200)
    expect(await direct.response.json()).toMatchObject({ token: expect.any(String) })

    // Another account does not get past its second step with this cookie.
    const other = await signUp(harness)
    await enrol(harness, other)
    const otherStep = await passwordStep(harness, other, device)
    expect(await otherStep.response.json()).toMatchObject({ twoFactorRequired: true })

    const revoked = await harness.request('/api/auth/sessions/revoke-others', {
      headers: { authorization: `Bearer ${token}` },
      json: { password: person.password },
    })
    expect(revoked.status).toBe(204)
    const after = await passwordStep(harness, person, device)
    expect(await after.response.json()).toMatchObject({ twoFactorRequired: true })
  })
})
