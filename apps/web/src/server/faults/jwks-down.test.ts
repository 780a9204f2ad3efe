import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { httpJwksSource } from '@taskwise/api/src/auth/key-store'
import { recordFigure } from '@taskwise/api/src/testing/figures'
import {
  bearer,
  createSigningKey,
  createTestApi,
  type TestApi,
} from '@taskwise/api/src/testing/harness'
import { decodeJwt } from 'jose'
import { afterAll, beforeAll, expect, test } from 'vitest'
import {
  BASE_URL,
  createAuthHarness,
  strongPassword,
  uniqueEmail,
  type AuthHarness,
} from '../auth/test-harness'

/**
 * Fault: the web app (the JWKS at /api/auth/jwks) goes down while the api runs. The api fetches
 * the real web app's keys over HTTP and shares its database; the web app's HTTP server stops.
 * docs/decisions/0102-jwks-cache.md and 0513-jwks-down.md; RELIABILITY.md quotes the figures.
 */

const FAULT = 'api: web app (JWKS) down'

let web: AuthHarness
let webServer: Server
let jwksUrl: string
let api: TestApi
let token: string
let userId: string

/** The web app's HTTP face: its routes behind a real port. */
async function serve(harness: AuthHarness): Promise<Server> {
  const server = createServer((incoming, outgoing) => {
    void harness.request(incoming.url ?? '/').then(async (response) => {
      outgoing.writeHead(response.status, Object.fromEntries(response.headers))
      outgoing.end(Buffer.from(await response.arrayBuffer()))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return server
}

beforeAll(async () => {
  web = await createAuthHarness()
  webServer = await serve(web)
  jwksUrl = `http://127.0.0.1:${(webServer.address() as AddressInfo).port}/api/auth/jwks`
  const registered = await web.request('/api/auth/register', {
    json: { email: uniqueEmail('jwks'), password: strongPassword() },
  })
  expect(registered.status).toBe(201)
  ;({
    token,
    user: { id: userId },
  } = (await registered.json()) as {
    token: string
    user: { id: string }
  })
  api = await createTestApi({
    env: { AUTH_ISSUER: BASE_URL },
    appDatabaseUrl: () => web.database.url, // the api reads the sessions the web app writes
    jwksSource: httpJwksSource(jwksUrl, 1_000),
    jwksCooldownMs: 0, // an unknown kid always tries a refetch: the case under test
  })
})

afterAll(async () => {
  webServer?.closeAllConnections()
  await new Promise((resolve) => webServer?.close(resolve))
  await api?.close()
  await web?.close()
})

const listTasks = (withToken: string) =>
  api.app.inject({ method: 'GET', url: `/api/${userId}/tasks`, headers: bearer(withToken) })

test('tokens whose keys are cached keep working while the web app is down; an unknown kid is a 401', async () => {
  expect((await listTasks(token)).statusCode).toBe(200) // the keys are fetched and cached

  webServer.closeAllConnections()
  await new Promise((resolve) => webServer.close(resolve))
  await expect(fetch(jwksUrl)).rejects.toThrow() // the web app is really gone

  const statuses: number[] = []
  for (let round = 0; round < 20; round += 1) {
    const listed = await listTasks(token)
    const created = await api.app.inject({
      method: 'POST',
      url: `/api/${userId}/tasks`,
      headers: bearer(token),
      payload: { title: 'made while the web app is down' },
    })
    statuses.push(listed.statusCode, created.statusCode)
  }
  const refused = statuses.filter((status) => status !== 200 && status !== 201)
  expect(refused).toEqual([])

  // The same claims under a key the api has never seen: it tries the JWKS, cannot reach it,
  // and the kid stays unknown (0513: a 401, as for any key it does not know).
  const stranger = await createSigningKey()
  const claims = decodeJwt(token)
  const forged = await api.sign(
    { id: userId, sessionId: String(claims.sid), email: String(claims.email) },
    { key: stranger, claims: { iss: BASE_URL } },
  )
  const started = performance.now()
  const unknownKid = await listTasks(forged)
  const unknownKidMs = performance.now() - started
  expect(unknownKid.statusCode).toBe(401)
  expect(unknownKid.json()).toMatchObject({ code: 'invalid_token' })
  expect(unknownKidMs).toBeLessThan(1_500)

  // An api that never loaded the keys cannot judge any token: 503 auth_unavailable (0102).
  const fresh = await createTestApi({
    env: { AUTH_ISSUER: BASE_URL },
    appDatabaseUrl: () => web.database.url,
    jwksSource: httpJwksSource(jwksUrl, 1_000),
  })
  try {
    const never = await fresh.app.inject({
      method: 'GET',
      url: `/api/${userId}/tasks`,
      headers: bearer(token),
    })
    expect(never.statusCode).toBe(503)
    expect(never.headers['retry-after']).toMatch(/^\d+$/)
    expect(never.json()).toMatchObject({ code: 'auth_unavailable' })
  } finally {
    await fresh.close()
  }

  recordFigure(FAULT, 'requests made with cached keys while it was down', statuses.length, '')
  recordFigure(FAULT, 'of them refused', refused.length, '')
  recordFigure(FAULT, 'answer to an unknown kid while it is down', unknownKid.statusCode, '')
  recordFigure(FAULT, 'time to that answer', unknownKidMs, 'ms')
})
