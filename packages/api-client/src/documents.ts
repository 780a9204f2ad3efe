import { buildApp } from '@taskwise/api/src/app'
import { loadConfig } from '@taskwise/api/src/config'
import { authOpenApiDocument } from '@taskwise/web/src/server/openapi/auth-document'
import { type OpenAPI3 } from 'openapi-typescript'

/**
 * The OpenAPI documents the client is generated from, read from the code that serves them: the
 * api's `/openapi.json` (the app is built but never connects to a database, so none is needed).
 */
export async function apiDocument(): Promise<OpenAPI3> {
  const app = await buildApp({
    config: loadConfig({
      // Never connected to: the document is built from the route schemas alone.
      DATABASE_URL: 'postgres://taskwise@127.0.0.1:1/unused',
      LOG_LEVEL: 'silent',
    }),
  })
  try {
    await app.ready()
    const response = await app.inject({ method: 'GET', url: '/openapi.json' })
    if (response.statusCode !== 200)
      throw new Error(`/openapi.json answered ${response.statusCode}`)
    return response.json<OpenAPI3>()
  } finally {
    await app.close()
  }
}

/** The web app's auth contract, as `/api/auth/openapi.json` serves it. */
export async function authDocument(): Promise<OpenAPI3> {
  return authOpenApiDocument() as unknown as OpenAPI3
}
