import createClient, { type Client } from 'openapi-fetch'
import { type components, type paths } from './generated/api'

/**
 * The typed client of the task api, generated from its OpenAPI document (src/generated/api.ts):
 * every path, parameter, body and answer is checked by the compiler against the contract. The
 * web app calls it through its own origin with the httpOnly cookie; programs (the CLI) call it
 * with a Bearer token, against the web origin or the api directly.
 */

export type Task = components['schemas']['Task']
export type TaskPaths = paths
export type TaskClient = Client<paths>

export interface TaskClientOptions {
  /** The origin that serves `/api/{user_id}/tasks…`: the web app or the api; '' for the page's own. */
  baseUrl: string
  /** A JWT for `Authorization: Bearer`; leave out in the browser (the cookie carries it). */
  token?: string
  /** A User-Agent for programs (browsers set their own). */
  userAgent?: string
  fetch?: typeof fetch
}

export function createTaskClient(options: TaskClientOptions): TaskClient {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (options.token) headers.authorization = `Bearer ${options.token}`
  if (options.userAgent) headers['user-agent'] = options.userAgent
  return createClient<paths>({
    baseUrl: options.baseUrl,
    headers,
    credentials: options.token ? 'omit' : 'same-origin',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  })
}
