import { makeProblem } from '@taskwise/contracts/problem'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { DATABASE_RETRY_AFTER_SECONDS } from '@taskwise/db/errors'
import { sendProblem } from '../plugins/app/problems'
import { problemResponse, problemResponses } from './problem-responses'

const shuttingDown = problemResponse(503, 'The api is shutting down (with Retry-After)')

const READY_TIMEOUT_MS = 3_000

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

/** Liveness and readiness for orchestrators and the launcher. No authentication. */
export const healthRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get(
    '/health',
    {
      schema: {
        tags: ['operations'],
        summary: 'The process is up (503 only while it shuts down)',
        response: { 200: z.object({ status: z.literal('ok') }), 503: shuttingDown },
      },
    },
    async () => ({ status: 'ok' as const }),
  )

  fastify.get(
    '/ready',
    {
      schema: {
        tags: ['operations'],
        summary: 'The database answers a query (else 503)',
        response: { 200: z.object({ status: z.literal('ready') }), ...problemResponses(503) },
      },
    },
    async (request, reply) => {
      try {
        await withTimeout(fastify.pool.query('select 1'), READY_TIMEOUT_MS)
      } catch (error) {
        request.log.warn({ err: error }, 'not ready: the database does not answer')
        return sendProblem(reply, {
          problem: makeProblem(
            'database_unavailable',
            'The database does not answer; retry shortly.',
          ),
          headers: { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) },
        })
      }
      return { status: 'ready' as const }
    },
  )
}
