import { type z } from 'zod'
import { type healthResponseSchema, type readyResponseSchema } from '@taskwise/contracts/health'
import { DATABASE_RETRY_AFTER_SECONDS } from '@taskwise/db/errors'
import { problemResponse } from '../../http/problem'
import { json } from '../../http/responses'
import { type RouteContext, type RouteHandler } from './context'

/**
 * GET /api/health (the process answers) and GET /api/ready (the database answers a query within
 * {@link READY_TIMEOUT_MS}), for load balancers and orchestrators; no authentication. Readiness
 * semantics: docs/decisions/0512-readiness.md.
 */

const READY_TIMEOUT_MS = 2_000

export function health(): RouteHandler {
  const body: z.output<typeof healthResponseSchema> = { status: 'ok' }
  return async () => json(body, 200)
}

export function ready({ taskwise }: RouteContext): RouteHandler {
  return async () => {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no answer in time')), READY_TIMEOUT_MS)
    })
    try {
      await Promise.race([taskwise.pool.query('select 1'), timeout])
    } catch (error) {
      taskwise.logger.warn('not ready: the database does not answer', {
        error: error instanceof Error ? error.message : String(error),
      })
      return problemResponse(
        'database_unavailable',
        'The database does not answer; retry shortly.',
        {
          headers: { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) },
        },
      )
    } finally {
      clearTimeout(timer)
    }
    const body: z.output<typeof readyResponseSchema> = { status: 'ready' }
    return json(body, 200)
  }
}
