import { type GenericEndpointContext } from 'better-auth'
import {
  getJwtToken,
  resolveSigningKey,
  signJWT,
  type JwtOptions,
  type ResolvedSigningKey,
} from 'better-auth/plugins/jwt'

/**
 * Signs the JWT that a new session carries, as Better Auth's `getJwtToken` does, with the signing
 * key resolved once a minute instead of on every token (docs/decisions/0320-sign-in-around-the-hash.md).
 *
 * Resolving the key is a read of the `jwks` table, the decryption of the private key with the
 * app's secret and its import: one round trip and a SHA-256 on the crypto thread pool for every
 * sign-in. The resolved key is Better Auth's own (`resolveSigningKey`: the newest live key, one
 * minted if there is none), and the token is signed by its `signJWT`; only the lookup is reused.
 * A key added to or removed from the table is picked up within {@link SIGNING_KEY_TTL_MS}; the api
 * already keeps the public keys for ten minutes (0102), so tokens signed meanwhile verify.
 */

/** How long a resolved signing key is reused. */
export const SIGNING_KEY_TTL_MS = 60_000

/** A new session, as `ctx.context.newSession` holds it. */
export type NewSession = Parameters<NonNullable<NonNullable<JwtOptions['jwt']>['definePayload']>>[0]

export interface JwtSigner {
  /** The JWT for `session`, signed with the current signing key. */
  sign(ctx: GenericEndpointContext, session: NewSession): Promise<string>
}

export function createJwtSigner(options: JwtOptions, ttlMs = SIGNING_KEY_TTL_MS): JwtSigner {
  let cached: { key: Promise<ResolvedSigningKey | null>; until: number } | undefined

  function signingKey(ctx: GenericEndpointContext): Promise<ResolvedSigningKey | null> {
    const now = Date.now()
    if (!cached || cached.until <= now) {
      // Concurrent sign-ins share one lookup (and, on an empty table, mint one key, not many).
      const key = resolveSigningKey(ctx, options)
      const entry = { key, until: now + ttlMs }
      cached = entry
      key.catch(() => {
        if (cached === entry) cached = undefined // a failed lookup is not kept
      })
    }
    return cached.key
  }

  return {
    async sign(ctx, session) {
      const withSession = { ...ctx, context: { ...ctx.context, session } }
      const resolvedKey = await signingKey(ctx)
      // No key of our own to resolve (a custom `jwt.sign`): Better Auth signs as it always does.
      if (!resolvedKey) return getJwtToken(withSession, options)
      const payload = options.jwt?.definePayload
        ? await options.jwt.definePayload(session)
        : session.user
      return signJWT(withSession, {
        options,
        resolvedKey,
        payload: {
          iat: Math.floor(Date.now() / 1000),
          ...payload,
          sub: (await options.jwt?.getSubject?.(session)) ?? session.user.id,
        },
      })
    },
  }
}
