import { jwtVerify, type JWTVerifyGetKey } from 'jose'
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
 * Throws {@link InvalidTokenError} for every kind of bad token, whatever jose threw (it throws a
 * TypeError for some malformed input), and {@link KeysUnavailableError} when the keys could not
 * be loaded at all.
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
    ;({ payload } = await jwtVerify(token, getKey, {
      algorithms: [JWT_ALGORITHM],
      issuer,
      audience: JWT_AUDIENCE,
      requiredClaims: ['exp', 'iat', 'sub', 'sid'],
      clockTolerance: JWT_CLOCK_TOLERANCE_SECONDS,
    }))
  } catch (error) {
    if (error instanceof KeysUnavailableError) throw error
    throw new InvalidTokenError(
      error instanceof Error ? `${error.name}: ${error.message}` : 'invalid token',
      { cause: error },
    )
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
