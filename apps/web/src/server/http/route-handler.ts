import { ConfigError } from '@taskwise/contracts/config'
import { problemResponse } from './problem'

/**
 * Wraps a route handler so that nothing it throws reaches the client as a stack trace: a bad
 * setting is named in the server log (the client learns only that the server is misconfigured),
 * anything else is a 500 problem.
 */
export function routeHandler(handle: (request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    try {
      return await handle(request)
    } catch (error) {
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
