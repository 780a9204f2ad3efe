import createClient, { type Client } from 'openapi-fetch'
import { type paths } from './generated/auth'

/**
 * The typed client of the web app's auth contract (`/api/auth/*`), generated from the document
 * it serves at `/api/auth/openapi.json`. Programs sign in with it and then send the JWT as a
 * Bearer token.
 */

export type AuthClient = Client<paths>

export function createAuthClient(options: {
  /** The web app's origin. */
  baseUrl: string
  token?: string
  userAgent?: string
  fetch?: typeof fetch
}): AuthClient {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (options.token) headers.authorization = `Bearer ${options.token}`
  if (options.userAgent) headers['user-agent'] = options.userAgent
  return createClient<paths>({
    baseUrl: options.baseUrl,
    headers,
    credentials: 'omit',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  })
}
