import { KeyObject, type webcrypto } from 'node:crypto'
import { createDecoder, createVerifier, TokenError } from 'fast-jwt'
import type { JWTVerifyGetKey } from 'jose'
import { z } from 'zod'
import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_CLOCK_TOLERANCE_SECONDS } from './auth'

/**
 * The one verifier of Taskwise JWTs, used by the api on every request and by the web app's
 * contract routes (`/me`, the account routes) for Bearer clients. Server-side only.
 */

/** Who a verified token speaks for. */
export interface TokenIdentity {
  userId: string
  sessionId: string
  email: string | null
}

/** Any reason a token is not accepted. Its message is for logs only, never for the client. */
export class InvalidTokenError extends Error {
  override name = 'InvalidTokenError'
}

/** The public keys could not be loaded at all (not the token's fault: a 503, not a 401). */
export class KeysUnavailableError extends Error {
  override name = 'KeysUnavailableError'
}

/** `Authorization: Bearer <token>`, the token being base64url segments (RFC 6750 b64token). */
const BEARER = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i

/**
 * The token of an Authorization header: `undefined` when there is no header, `null` when there is
 * one that is not `Bearer <token>` (which callers refuse rather than ignore).
 */
export function bearerTokenOf(header: string | null | undefined): string | null | undefined {
  if (header === undefined || header === null) return undefined
  return BEARER.exec(header)?.[1] ?? null
}

const claimsSchema = z.object({
  sub: z.uuid(),
  sid: z.uuid(),
  email: z.string().optional(),
  iat: z.number(),
  exp: z.number(),
})

/**
 * Verifies a Taskwise JWT: signature by a key from the JWKS, algorithm pinned to EdDSA (so
 * `none`, HS256-with-the-public-key and friends fail before any key is looked up), `iss` and
 * `aud` checked, `exp`, `iat`, `sub` and `sid` required, at most 60 s of clock skew.
 *
 * Throws {@link InvalidTokenError} for every kind of bad token, whatever the JWT library or the
 * key lookup threw, and {@link KeysUnavailableError} when the keys could not be loaded at all.
 *
 * The token is parsed and checked by fast-jwt, whose signature check is node:crypto's
 * synchronous Ed25519 verify (docs/decisions/0324-synchronous-token-signature.md). `getKey` is
 * jose's key-lookup shape (the api's key store, a local JWKS in the web app) and must give an
 * Ed25519 public key, as a CryptoKey or a KeyObject.
 */
export async function verifyAccessToken(
  token: string,
  getKey: JWTVerifyGetKey,
  issuer: string,
): Promise<TokenIdentity> {
  return (await verifyAccessTokenExpiry(token, getKey, issuer)).identity
}

/** {@link verifyAccessToken}, also telling when the token expires (its `exp`, in ms since the epoch). */
export async function verifyAccessTokenExpiry(
  token: string,
  getKey: JWTVerifyGetKey,
  issuer: string,
): Promise<{ identity: TokenIdentity; expiresAtMs: number }> {
  let payload: unknown
  try {
    payload = await verifySignatureAndClaims(token, getKey, issuer)
  } catch (error) {
    if (error instanceof KeysUnavailableError || error instanceof InvalidTokenError) throw error
    throw new InvalidTokenError(reasonOf(error), { cause: error })
  }
  const claims = claimsSchema.safeParse(payload)
  if (!claims.success) throw new InvalidTokenError('The token claims have the wrong shape')
  if (claims.data.iat > Date.now() / 1000 + JWT_CLOCK_TOLERANCE_SECONDS) {
    throw new InvalidTokenError('The token was issued in the future')
  }
  return {
    identity: {
      userId: claims.data.sub.toLowerCase(),
      sessionId: claims.data.sid.toLowerCase(),
      email: claims.data.email ?? null,
    },
    expiresAtMs: claims.data.exp * 1000,
  }
}

/** Splits a token into its parsed header and its segments; refuses what is not base64url JSON. */
const decodeToken = createDecoder({ complete: true }) as (token: string) => {
  header: Record<string, unknown>
  signature: string
  input: string
}

type VerifyClaims = (token: string) => unknown

/**
 * One fast-jwt verifier per key the lookup gave (and per issuer): making one parses the key.
 * Keyed by that very object, so a key set fetched anew (new key objects) gets new verifiers.
 */
const verifiers = new WeakMap<object, Map<string, VerifyClaims>>()

async function verifySignatureAndClaims(
  token: string,
  getKey: JWTVerifyGetKey,
  issuer: string,
): Promise<unknown> {
  // An empty issuer would switch fast-jwt's `iss` check off rather than match nothing.
  if (!issuer) throw new InvalidTokenError('No issuer to check the token against')
  const { header, signature, input } = decodeToken(token)
  if (header.alg !== JWT_ALGORITHM) {
    throw new InvalidTokenError(`The token algorithm is ${JSON.stringify(header.alg)}, not EdDSA`)
  }
  const payloadSegment = input.slice(input.indexOf('.') + 1)
  const key: unknown = await getKey(
    { ...header, alg: JWT_ALGORITHM },
    { payload: payloadSegment, signature },
  )
  if (typeof key !== 'object' || key === null) throw new InvalidTokenError('No key for the token')
  let byIssuer = verifiers.get(key)
  let verify = byIssuer?.get(issuer)
  if (!verify) {
    verify = createVerifier({
      key: ed25519PublicKey(key).export({ type: 'spki', format: 'pem' }) as string,
      algorithms: [JWT_ALGORITHM],
      allowedIss: issuer,
      allowedAud: JWT_AUDIENCE,
      // fast-jwt checks `iss` and `aud` only when present: they are required here.
      requiredClaims: ['iss', 'aud', 'exp', 'iat', 'sub', 'sid'],
      clockTolerance: JWT_CLOCK_TOLERANCE_SECONDS * 1000,
      cache: false,
    })
    if (!byIssuer) verifiers.set(key, (byIssuer = new Map()))
    byIssuer.set(issuer, verify)
  }
  return verify(token)
}

/** The key as an Ed25519 public KeyObject; anything else (a secret, another curve) is refused. */
function ed25519PublicKey(key: object): KeyObject {
  let keyObject: KeyObject | undefined
  try {
    keyObject = key instanceof KeyObject ? key : KeyObject.from(key as webcrypto.CryptoKey)
  } catch {
    // Neither a KeyObject nor a CryptoKey (a secret's bytes, a JWK): refused below.
  }
  if (keyObject?.type !== 'public' || keyObject.asymmetricKeyType !== 'ed25519') {
    throw new InvalidTokenError('The key for the token is not an Ed25519 public key')
  }
  return keyObject
}

/** What went wrong, for the logs: fast-jwt's code (`FAST_JWT_EXPIRED: ...`) or the error's name. */
function reasonOf(error: unknown): string {
  if (error instanceof TokenError) return `${error.code}: ${error.message}`
  return error instanceof Error ? `${error.name}: ${error.message}` : 'invalid token'
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * The CSRF rule for cookie-authenticated requests (docs/decisions/0103-csrf-and-origins.md): an
 * unsafe method must carry a trusted `Origin` or `Sec-Fetch-Site: same-origin`. Bearer requests
 * cannot be forged cross-site and never ask.
 */
export function isTrustedCookieRequest(
  method: string,
  headers: { origin: string | null | undefined; secFetchSite: string | null | undefined },
  trustedOrigins: ReadonlySet<string>,
): boolean {
  if (!UNSAFE_METHODS.has(method.toUpperCase())) return true
  if (headers.secFetchSite === 'same-origin') return true
  return typeof headers.origin === 'string' && trustedOrigins.has(headers.origin)
}
