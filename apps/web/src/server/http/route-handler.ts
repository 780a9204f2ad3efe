import { ConfigError } from '@taskwise/contracts/config'
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '@taskwise/db/errors'
import { problemResponse } from './problem'

/**
 * Wraps a route handler so that nothing it throws reaches the client as a stack trace: a database
 * that cannot be reached (or a pool with no free connection) is a 503 with Retry-After
 * (docs/decisions/0510-database-faults.md), a bad setting is named in the server log (the client
 * learns only that the server is misconfigured), anything else is a 500 problem.
 */
export function routeHandler(handle: (request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    try {
      return await handle(request)
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        console.error(
          'taskwise web: the database is unavailable for',
          new URL(request.url).pathname,
          error instanceof Error ? error.message : error,
        )
        return databaseUnavailable()
      }
      if (error instanceof ConfigError) {
        console.error(error.message)
        return problemResponse(
          'server_misconfigured',
          'The server is not configured correctly; its log names the setting.',
        )
      }
      console.error('taskwise web: unhandled error in', new URL(request.url).pathname, error)
      return problemResponse('internal_error', 'Something went wrong on our side.')
    }
  }
}

/** 503 `database_unavailable` with Retry-After: the database is down or every connection busy. */
export function databaseUnavailable(): Response {
  return problemResponse(
    'database_unavailable',
    'The database cannot be reached or is busy; retry after the time given in Retry-After.',
    { headers: { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) } },
  )
}
