import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { currentIdentity } from '../authentication'
import { isDatabaseUnavailable } from '@taskwise/db/errors'
import { ProblemError } from '../problems'
import { redisHitCounter, type HitCounter } from './hit-counter'
import { postgresHitCounter } from './postgres-hit-counter'

declare module 'fastify' {
  interface FastifyInstance {
    /** An onRequest hook, after `authenticate`: 429 once the caller is past their limit. */
    limitPerUser(request: FastifyRequest): Promise<void>
  }
}

export interface RateLimitOptions {
  /** Requests each user may make in each window. */
  max: number
  windowSeconds: number
  /** Count in Redis at this URL; unset: in PostgreSQL. */
  redisUrl?: string
}

/**
 * The api's per-user limit (OWASP API4: unrestricted resource consumption), shared by every
 * instance through the counter's store (docs/decisions/0500-api-limits-shared-across-instances.md).
 * Past the limit: 429 `rate_limited` with Retry-After, the seconds until the window ends.
 *
 * A store that fails lets the request through (the limit is a guard, not a reason to be down):
 * Redis being unreachable is logged; PostgreSQL being unreachable fails the request anyway, as a
 * 503, since the route needs the same database.
 */
export const rateLimitPlugin = fp(
  async (fastify: FastifyInstance, options: RateLimitOptions) => {
    const windowMs = options.windowSeconds * 1000
    const counter: HitCounter = options.redisUrl
      ? redisHitCounter({
          url: options.redisUrl,
          windowMs,
          onError: (error) => fastify.log.warn({ err: error }, 'rate-limit store (Redis) failing'),
        })
      : postgresHitCounter(fastify.db, windowMs)
    fastify.addHook('onClose', async () => counter.close())

    fastify.decorate('limitPerUser', async (request: FastifyRequest) => {
      const { userId } = currentIdentity(request)
      let counted: Awaited<ReturnType<HitCounter['hit']>>
      try {
        counted = await counter.hit(userId)
      } catch (error) {
        if (isDatabaseUnavailable(error) && !options.redisUrl) throw error
        request.log.warn({ err: error }, 'rate limit not checked: its store failed')
        return
      }
      if (counted.hits <= options.max) return
      const retryAfter = Math.max(1, Math.ceil(counted.resetInMs / 1000))
      throw new ProblemError(
        'rate_limited',
        `At most ${options.max} requests per ${options.windowSeconds} s per user; retry in ${retryAfter} s.`,
        { headers: { 'retry-after': String(retryAfter) } },
      )
    })
  },
  { name: 'rate-limit', dependencies: ['db', 'authentication'] },
)
