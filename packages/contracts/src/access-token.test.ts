import { randomUUID } from 'node:crypto'
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JWTVerifyGetKey,
} from 'jose'
import { beforeAll, describe, expect, test, vi } from 'vitest'
import {
  bearerTokenOf,
  InvalidTokenError,
  isTrustedCookieRequest,
  KeysUnavailableError,
  verifyAccessToken,
} from './access-token'
import { JWT_ALGORITHM, JWT_AUDIENCE } from './auth'

const ISSUER = 'https://taskwise.test'
const USER_ID = randomUUID()
const SESSION_ID = randomUUID()

let privateKey: CryptoKey
let getKey: JWTVerifyGetKey

beforeAll(async () => {
  const pair = await generateKeyPair(JWT_ALGORITHM, { crv: 'Ed25519', extractable: true })
  privateKey = pair.privateKey
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: JWT_ALGORITHM }
  getKey = createLocalJWKSet({ keys: [jwk] })
})

const now = () => Math.floor(Date.now() / 1000)

/** A Taskwise token; `claims` overrides (or, with `undefined`, leaves out) the usual ones. */
function tokenWith(claims: Record<string, unknown> = {}, alg = JWT_ALGORITHM): Promise<string> {
  const all: Record<string, unknown> = {
    sub: USER_ID,
    sid: SESSION_ID,
    email: 'ada@example.com',
    iss: ISSUER,
    aud: JWT_AUDIENCE,
    iat: now(),
    exp: now() + 3600,
    ...claims,
  }
  for (const [name, value] of Object.entries(all)) if (value === undefined) delete all[name]
  return new SignJWT(all).setProtectedHeader({ alg, kid: 'k1' }).sign(privateKey)
}

async function refusal(token: string, keys: JWTVerifyGetKey = getKey): Promise<unknown> {
  return verifyAccessToken(token, keys, ISSUER).then(
    () => undefined,
    (error: unknown) => error,
  )
}

describe('verifyAccessToken', () => {
  test('a valid token gives its user, session and email, ids in lower case', async () => {
    const token = await tokenWith({ sub: USER_ID.toUpperCase(), sid: SESSION_ID.toUpperCase() })
    expect(await verifyAccessToken(token, getKey, ISSUER)).toEqual({
      userId: USER_ID,
      sessionId: SESSION_ID,
      email: 'ada@example.com',
    })
  })

  test('a token without an email gives a null email', async () => {
    const token = await tokenWith({ email: undefined })
    expect((await verifyAccessToken(token, getKey, ISSUER)).email).toBeNull()
  })

  test.each([
    ['another issuer', { iss: 'https://evil.example' }],
    ['another audience', { aud: 'someone-else' }],
    ['expired beyond the 60 s tolerance', { exp: now() - 61 }],
    ['no exp', { exp: undefined }],
    ['no iat', { iat: undefined }],
    ['no sub', { sub: undefined }],
    ['no sid', { sid: undefined }],
    ['a sub that is not a uuid', { sub: 'admin' }],
    ['a sid that is not a uuid', { sid: 'session-1' }],
    ['an email that is not a string', { email: 42 }],
    ['an iat that is not a number', { iat: 'yesterday' }],
    ['issued more than 60 s in the future', { iat: now() + 120 }],
  ])('refuses a token with %s', async (_what, claims) => {
    const error = await refusal(await tokenWith(claims))
    expect(error).toBeInstanceOf(InvalidTokenError)
  })

  test('accepts a token expired or issued ahead within the 60 s tolerance', async () => {
    const token = await tokenWith({ exp: now() - 30, iat: now() + 30 })
    expect((await verifyAccessToken(token, getKey, ISSUER)).userId).toBe(USER_ID)
  })

  test('a token issued exactly 60 s ahead is still accepted; 61 s ahead is not', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      vi.setSystemTime(1_800_000_000_000) // on a whole second
      const at = (iat: number) => tokenWith({ iat, exp: 1_800_003_600 })
      const accepted = await verifyAccessToken(await at(1_800_000_060), getKey, ISSUER)
      expect(accepted.userId).toBe(USER_ID)
      expect(await refusal(await at(1_800_000_061))).toBeInstanceOf(InvalidTokenError)
    } finally {
      vi.useRealTimers()
    }
  })

  test('refuses another algorithm before looking up any key', async () => {
    let lookedUp = false
    const secret = new TextEncoder().encode('the public key, used as an HMAC secret')
    const token = await new SignJWT({ sub: USER_ID, sid: SESSION_ID, iss: ISSUER })
      .setProtectedHeader({ alg: 'HS256' })
      .setAudience(JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(secret)
    const error = await refusal(token, async () => {
      lookedUp = true
      return secret
    })
    expect(error).toBeInstanceOf(InvalidTokenError)
    expect(lookedUp).toBe(false)
  })

  test('the reason, for the logs, names what was wrong, and keeps the original error', async () => {
    const error = (await refusal(await tokenWith({ exp: now() - 3600 }))) as InvalidTokenError
    expect(error.name).toBe('InvalidTokenError')
    expect(error.message).toMatch(/^FAST_JWT_EXPIRED: The token has expired/)
    expect(error.cause).toBeInstanceOf(Error)
    const shape = (await refusal(await tokenWith({ sub: 'admin' }))) as InvalidTokenError
    expect(shape.message).toBe('The token claims have the wrong shape')
    const future = (await refusal(await tokenWith({ iat: now() + 600 }))) as InvalidTokenError
    expect(future.message).toBe('The token was issued in the future')
  })

  test('anything a key lookup throws is an invalid token, unless the keys are unavailable', async () => {
    const token = await tokenWith()
    const thrown = await refusal(token, () => {
      throw 'not an Error'
    })
    expect(thrown).toBeInstanceOf(InvalidTokenError)
    expect((thrown as Error).message).toBe('invalid token')

    const unavailable = new KeysUnavailableError('no keys')
    const passedOn = await refusal(token, () => {
      throw unavailable
    })
    expect(passedOn).toBe(unavailable)
    expect(unavailable.name).toBe('KeysUnavailableError')
  })
})

describe('bearerTokenOf', () => {
  test.each([
    ['Bearer abc.def-_~+/=', 'abc.def-_~+/='],
    ['bearer abc', 'abc'],
    ['BEARER   abc  ', 'abc'],
    ['Bearer abc==', 'abc=='],
  ])('reads the token of %j', (header, token) => {
    expect(bearerTokenOf(header)).toBe(token)
  })

  test.each([
    'Bearer',
    'Bearer ',
    'Basic YWxhZGRpbjpvcGVu',
    'Bearer a b',
    'Bearer a=b',
    'xBearer abc',
    'Bearer abc!',
    'Bearerabc',
    '',
  ])('refuses %j (null, not undefined: the caller answers 401)', (header) => {
    expect(bearerTokenOf(header)).toBeNull()
  })

  test('no header at all is undefined: the caller looks for a cookie', () => {
    expect(bearerTokenOf(undefined)).toBeUndefined()
    expect(bearerTokenOf(null)).toBeUndefined()
  })
})

describe('isTrustedCookieRequest', () => {
  const trusted = new Set(['https://taskwise.test'])
  const none = { origin: undefined, secFetchSite: undefined }

  test.each(['GET', 'HEAD', 'OPTIONS', 'get'])(
    '%s changes nothing and needs no Origin',
    (method) => {
      expect(isTrustedCookieRequest(method, none, trusted)).toBe(true)
    },
  )

  test.each(['POST', 'PUT', 'PATCH', 'DELETE', 'post', 'delete'])(
    'a cookie %s needs a trusted Origin or Sec-Fetch-Site: same-origin',
    (method) => {
      expect(isTrustedCookieRequest(method, none, trusted)).toBe(false)
      expect(
        isTrustedCookieRequest(method, { ...none, origin: 'https://taskwise.test' }, trusted),
      ).toBe(true)
      expect(
        isTrustedCookieRequest(method, { ...none, secFetchSite: 'same-origin' }, trusted),
      ).toBe(true)
    },
  )

  test.each([
    ['a foreign Origin', { origin: 'https://evil.example', secFetchSite: undefined }],
    ['Origin null', { origin: 'null', secFetchSite: null }],
    ['a look-alike Origin', { origin: 'https://taskwise.test.evil.example', secFetchSite: null }],
    ['Sec-Fetch-Site: same-site', { origin: null, secFetchSite: 'same-site' }],
    ['Sec-Fetch-Site: cross-site', { origin: 'https://evil.example', secFetchSite: 'cross-site' }],
  ])('a cookie write with %s is refused', (_what, headers) => {
    expect(isTrustedCookieRequest('POST', headers, trusted)).toBe(false)
  })
})
