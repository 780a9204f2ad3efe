import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto'
import { createLocalJWKSet, type JWK, type JWTVerifyGetKey } from 'jose'
import { beforeAll, describe, expect, test } from 'vitest'
import { InvalidTokenError, verifyAccessToken } from './access-token'
import { JWT_AUDIENCE } from './auth'

/**
 * Tokens built byte by byte and signed with real Ed25519 keys, for what a well-behaved signer
 * never produces: odd headers, payloads that are not claims, segments that are not base64url,
 * keys that are not the right kind.
 */

const ISSUER = 'https://taskwise.test'
const USER_ID = randomUUID()

let signingKey: KeyObject
let otherKey: KeyObject
/** The key set: `k1` is the signing key's public half, `p256` a P-256 key (another algorithm). */
let getKey: JWTVerifyGetKey
let p256Public: KeyObject

beforeAll(() => {
  const pair = generateKeyPairSync('ed25519')
  signingKey = pair.privateKey
  otherKey = generateKeyPairSync('ed25519').privateKey
  p256Public = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey
  const k1 = { ...pair.publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'EdDSA' } as JWK
  const p256 = { ...p256Public.export({ format: 'jwk' }), kid: 'p256', alg: 'ES256' } as JWK
  getKey = createLocalJWKSet({ keys: [k1, p256] })
})

const now = () => Math.floor(Date.now() / 1000)
const b64 = (text: string) => Buffer.from(text).toString('base64url')

function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sub: USER_ID,
    sid: randomUUID(),
    iss: ISSUER,
    aud: JWT_AUDIENCE,
    iat: now(),
    exp: now() + 3600,
    ...overrides,
  }
}

/** A compact token of these exact header and payload texts, signed by `key` (Ed25519). */
function signed(headerJson: string, payloadJson: string, key = signingKey): string {
  const input = `${b64(headerJson)}.${b64(payloadJson)}`
  return `${input}.${sign(null, Buffer.from(input), key).toString('base64url')}`
}

const HEADER = JSON.stringify({ alg: 'EdDSA', kid: 'k1' })
const valid = () => signed(HEADER, JSON.stringify(claims()))

/** The refusal of `token`, and whether any key was looked up for it. */
async function refusal(token: string, keys: JWTVerifyGetKey = getKey, issuer = ISSUER) {
  let lookedUp = false
  const counting: JWTVerifyGetKey = (header, input) => {
    lookedUp = true
    return keys(header, input)
  }
  const error = await verifyAccessToken(token, counting, issuer).then(
    () => undefined,
    (thrown: unknown) => thrown,
  )
  return { error, lookedUp }
}

async function expectRefused(token: string, keys?: JWTVerifyGetKey, issuer?: string) {
  const { error } = await refusal(token, keys, issuer)
  expect(error).toBeInstanceOf(InvalidTokenError)
}

describe('tokens made by hand', () => {
  test('the hand-made valid token is accepted (the baseline of every refusal below)', async () => {
    expect((await verifyAccessToken(valid(), getKey, ISSUER)).userId).toBe(USER_ID)
  })

  test('an aud list that names Taskwise is accepted, one that does not is refused', async () => {
    const listed = signed(HEADER, JSON.stringify(claims({ aud: ['other', JWT_AUDIENCE] })))
    expect((await verifyAccessToken(listed, getKey, ISSUER)).userId).toBe(USER_ID)
    await expectRefused(signed(HEADER, JSON.stringify(claims({ aud: ['other', 'more'] }))))
  })

  test.each([
    ['no iss', { iss: undefined }],
    ['no aud', { aud: undefined }],
    ['an iss that only starts like ours', { iss: `${ISSUER}.evil.example` }],
    ['an empty aud list', { aud: [] }],
    ['an exp that is a string', { exp: String(now() + 3600) }],
    ['an exp of null', { exp: null }],
    ['an nbf more than 60 s ahead', { nbf: now() + 120 }],
  ])('refuses a well-signed token with %s', async (_what, overrides) => {
    await expectRefused(signed(HEADER, JSON.stringify(claims(overrides))))
  })

  test('an empty issuer to check against refuses everything, rather than checking nothing', async () => {
    await expectRefused(valid(), getKey, '')
  })

  test.each([
    ['null', 'null'],
    ['an array', JSON.stringify([claims()])],
    ['a number', '42'],
    ['a string', JSON.stringify('claims')],
    ['not JSON', '{"sub":'],
  ])('refuses a well-signed token whose payload is %s', async (_what, payload) => {
    await expectRefused(signed(HEADER, payload))
  })
})

describe('what was changed after signing', () => {
  test('a changed payload, header or signature is refused', async () => {
    const [header, payload, signature] = valid().split('.') as [string, string, string]
    const otherUser = b64(JSON.stringify(claims({ sub: randomUUID() })))
    const otherKid = b64(JSON.stringify({ alg: 'EdDSA', kid: 'k1', typ: 'JWT' }))
    // A character in the middle (the last one may only carry padding bits).
    const flipped = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`
    await expectRefused(`${header}.${otherUser}.${signature}`)
    await expectRefused(`${otherKid}.${payload}.${signature}`)
    await expectRefused(`${header}.${payload}.${flipped}`)
    await expectRefused(`${header}.${payload}.${signature.slice(0, -4)}`)
    await expectRefused(`${header}.${payload}.`)
    await expectRefused(`${header}.${payload}`)
  })

  test('a token signed by a key that is not in the set, under a kid that is, is refused', async () => {
    await expectRefused(signed(HEADER, JSON.stringify(claims()), otherKey))
  })
})

describe('segments that are not base64url', () => {
  test.each([
    ['padding', (t: string) => t.replace('.', '=.')],
    ['a plus sign', (t: string) => `+${t}`],
    ['a slash', (t: string) => `/${t}`],
    ['a space', (t: string) => t.replace('.', ' .')],
    ['a fourth segment', (t: string) => `${t}.${t.split('.')[0]}`],
    ['an empty header', (t: string) => t.slice(t.indexOf('.'))],
    [
      'a header that is not JSON',
      (t: string) => `${b64('{"alg":"EdDSA"')}${t.slice(t.indexOf('.'))}`,
    ],
  ])('a token with %s is refused before any key lookup', async (_what, change) => {
    const { error, lookedUp } = await refusal(change(valid()))
    expect(error).toBeInstanceOf(InvalidTokenError)
    expect(lookedUp).toBe(false)
  })

  test('a token that is not text at all is an invalid token, not a TypeError', async () => {
    const { error } = await refusal(undefined as unknown as string)
    expect(error).toBeInstanceOf(InvalidTokenError)
  })
})

describe('odd headers', () => {
  test.each([
    ['alg named twice, none last', '{"alg":"EdDSA","kid":"k1","alg":"none"}'],
    ['alg named twice, HS256 last', '{"alg":"EdDSA","kid":"k1","alg":"HS256"}'],
    ['alg as a list', '{"alg":["EdDSA"],"kid":"k1"}'],
    ['alg in another case', '{"alg":"eddsa","kid":"k1"}'],
    ['the Ed25519 alg name of RFC 9864', '{"alg":"Ed25519","kid":"k1"}'],
    ['no alg', '{"kid":"k1"}'],
    ['a header that is an array', '[{"alg":"EdDSA","kid":"k1"}]'],
  ])('a well-signed token with %s is refused before any key lookup', async (_what, header) => {
    const { error, lookedUp } = await refusal(signed(header, JSON.stringify(claims())))
    expect(error).toBeInstanceOf(InvalidTokenError)
    expect(lookedUp).toBe(false)
  })

  test.each([
    ['an unknown critical extension', { alg: 'EdDSA', kid: 'k1', crit: ['exp'], exp: 1 }],
    ['an unencoded payload (b64: false)', { alg: 'EdDSA', kid: 'k1', b64: false, crit: ['b64'] }],
    ['a kid that is not in the set', { alg: 'EdDSA', kid: 'k9' }],
    ['a kid naming the P-256 key', { alg: 'EdDSA', kid: 'p256' }],
  ])('a well-signed token with %s is refused', async (_what, header) => {
    await expectRefused(signed(JSON.stringify(header), JSON.stringify(claims())))
  })
})

describe('keys that are not an Ed25519 public key', () => {
  test.each([
    ['a P-256 public key', () => p256Public],
    ['the Ed25519 private key', () => signingKey],
    ['the bytes of a secret', () => new TextEncoder().encode('a secret')],
    ['a JWK', () => signingKey.export({ format: 'jwk' })],
  ])('a key lookup that gives %s refuses the token', async (_what, key) => {
    const keys = (async () => key()) as JWTVerifyGetKey
    await expectRefused(valid(), keys)
  })
})
