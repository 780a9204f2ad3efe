import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_CLOCK_TOLERANCE_SECONDS } from '@taskwise/contracts/auth'
import { jwtVerify, type JWTVerifyGetKey } from 'jose'
import { z } from 'zod'
import { KeysUnavailableError } from './key-store'

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

const claimsSchema = z.object({
  sub: z.uuid(),
  sid: z.uuid(),
  email: z.string().optional(),
  iat: z.number(),
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
      {
        cause: error,
      },
    )
  }
  const claims = claimsSchema.safeParse(payload)
  if (!claims.success) throw new InvalidTokenError('The token claims have the wrong shape')
  if (claims.data.iat > Date.now() / 1000 + JWT_CLOCK_TOLERANCE_SECONDS) {
    throw new InvalidTokenError('The token was issued in the future')
  }
  return {
    userId: claims.data.sub.toLowerCase(),
    sessionId: claims.data.sid.toLowerCase(),
    email: claims.data.email ?? null,
  }
}
