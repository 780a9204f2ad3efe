import {
  bearerTokenOf,
  type InvalidTokenError,
  isTrustedCookieRequest,
  KeysUnavailableError,
  type TokenIdentity,
} from '@taskwise/contracts/access-token'
import { JWT_COOKIE_NAME, SECURE_JWT_COOKIE_NAME } from '@taskwise/contracts/auth'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { createKeyStore, httpJwksSource, type JwksSource } from '../../auth/key-store'
import { createSessionCheck } from '../../auth/session-check'
import { createTokenVerifier } from '../../auth/verified-tokens'
import { ProblemError } from './problems'

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `authenticate` for every request under /api; null elsewhere. */
    identity: TokenIdentity | null
  }
  interface FastifyInstance {
    /** An onRequest hook: 401 unless the request carries a valid, unrevoked token. */
    authenticate(request: FastifyRequest): Promise<void>
  }
}

export interface AuthenticationOptions {
  /** The only accepted `iss` (the web app's origin). */
  issuer: string
  /** Where the public keys are fetched from; a test passes its own source instead. */
  jwksUrl: string
  jwksSource?: JwksSource
  jwksMaxAgeMs?: number
  jwksCooldownMs?: number
  /** Origins allowed to make cookie-authenticated writes (the web app's). */
  trustedOrigins: string[]
  /** How long a session's "still signed in" answer is remembered (revocation delay). */
  sessionCacheMs: number
}

const KEYS_RETRY_AFTER_SECONDS = 5

function invalidToken(detail: string): ProblemError {
  return new ProblemError('invalid_token', detail, {
    headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
  })
}

/** The token and how it came: Authorization first (a present but non-Bearer header is an error), else the cookie. */
function readToken(request: FastifyRequest): { token: string; via: 'header' | 'cookie' } | null {
  const bearer = bearerTokenOf(request.headers.authorization)
  if (bearer === null) throw invalidToken('The Authorization header must be "Bearer <token>".')
  if (bearer !== undefined) return { token: bearer, via: 'header' }
  const cookie = request.cookies[SECURE_JWT_COOKIE_NAME] ?? request.cookies[JWT_COOKIE_NAME]
  return cookie ? { token: cookie, via: 'cookie' } : null
}

/**
 * Verifies the caller on every request of the folder that installs `authenticate` as a hook
 * (routes/api). Statelessly, except for the cached session check that makes sign-out stick.
 * A cookie-authenticated write must also come from a trusted origin (CSRF); Bearer requests
 * cannot be forged cross-site, so they are exempt.
 */
export const authenticationPlugin = fp(
  async (fastify: FastifyInstance, options: AuthenticationOptions) => {
    const keyStore = createKeyStore({
      source: options.jwksSource ?? httpJwksSource(options.jwksUrl),
      maxAgeMs: options.jwksMaxAgeMs,
      cooldownMs: options.jwksCooldownMs,
      onFetchError: (error) =>
        fastify.log.warn({ err: error }, 'could not fetch the JWKS; cached keys stay in use'),
    })
    // Tokens seen before are not verified again until they expire or the keys change (0316).
    const tokens = createTokenVerifier({ keyStore, issuer: options.issuer })
    const sessions = createSessionCheck(fastify.db, { ttlMs: options.sessionCacheMs })
    const trustedOrigins = new Set(options.trustedOrigins)

    fastify.decorateRequest('identity', null)

    fastify.decorate('authenticate', async (request: FastifyRequest) => {
      const found = readToken(request)
      if (!found) {
        throw new ProblemError('invalid_token', 'Send a token: Authorization: Bearer <jwt>.', {
          headers: { 'www-authenticate': 'Bearer' },
        })
      }

      let identity: TokenIdentity
      try {
        identity = await tokens.verify(found.token)
      } catch (error) {
        if (error instanceof KeysUnavailableError) {
          request.log.error({ err: error.cause }, 'no signing keys: the JWKS has never loaded')
          throw new ProblemError(
            'auth_unavailable',
            'The api cannot check tokens right now; retry shortly.',
            {
              headers: { 'retry-after': String(KEYS_RETRY_AFTER_SECONDS) },
            },
          )
        }
        // Verification throws nothing but these two errors.
        request.log.info({ reason: (error as InvalidTokenError).message }, 'token refused')
        throw invalidToken('The token is invalid or has expired.')
      }

      if (found.via === 'cookie') {
        const headers = {
          origin: request.headers.origin,
          secFetchSite: request.headers['sec-fetch-site'] as string | undefined,
        }
        if (!isTrustedCookieRequest(request.method, headers, trustedOrigins)) {
          throw new ProblemError(
            'csrf_rejected',
            'A cookie-authenticated change must come from the Taskwise web app (same-origin Origin header).',
          )
        }
      }

      if (!(await sessions.isActive(identity.sessionId, identity.userId))) {
        request.log.info('token refused: its session has ended')
        throw invalidToken('The session of this token has ended; sign in again.')
      }
      request.identity = identity
    })
  },
  { name: 'authentication', dependencies: ['db', 'cookie', 'problems'] },
)

/** The verified caller of a route under /api (where `authenticate` always ran first). */
export function currentIdentity(request: FastifyRequest): TokenIdentity {
  if (!request.identity)
    throw new Error('currentIdentity() called on a route without the authenticate hook')
  return request.identity
}
