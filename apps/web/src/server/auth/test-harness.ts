import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createContract } from '@taskwise/api/src/testing/openapi-contract'
import { createTestDatabase, type TestDatabase } from '@taskwise/db/testing'
import { afterAll, beforeAll } from 'vitest'
import { loadWebConfig } from '../config'
import { CLIENT_ADDRESS_HEADER } from '../http/client-address-header'
import { type LogRecord } from '../log'
import { routeHandler } from '../http/route-handler'
import { authOpenApiResponse } from '../openapi/auth-document'
import { createAuth, type AuthDependencies, type TaskwiseAuth } from './auth'
import { createAuthHttp, type AuthHttp } from './http-handlers'

/**
 * For tests: a real, migrated PostgreSQL database of its own, the authority built on it with the
 * given settings, and a way to call the HTTP routes with real Request objects (no Next server).
 * Every answer on a path of the auth contract is checked against its OpenAPI document
 * (GET /api/auth/openapi.json) by the api's independent validator: one the document does not
 * allow makes `request` reject. Better Auth's own routes are not in the document, and not checked.
 */

export const BASE_URL = 'http://localhost:3000'

/**
 * Limits raised (never turned off) for files that sign in many times from one address and are not
 * about the limits themselves.
 */
export const RAISED_AUTH_LIMITS = {
  AUTH_RATE_LIMIT_MAX: '10000',
  AUTH_LOCKOUT_MAX_FAILURES: '10000',
} as const

export interface AuthHarness {
  database: TestDatabase
  taskwise: TaskwiseAuth
  http: AuthHttp
  logs: LogRecord[]
  /** Calls a route under /api/auth the way Next's router would. */
  request(path: string, init?: RequestInit & { json?: unknown; ip?: string }): Promise<Response>
  close(): Promise<void>
}

export interface AuthHarnessOptions {
  /** Changes the OpenAPI document the answers are checked against (tests of that check). */
  contractDocument?: (document: Record<string, unknown>) => Record<string, unknown>
  /** The DATABASE_URL the app gets, given the test database's (e.g. through a TCP proxy). */
  appDatabaseUrl?: (testDatabaseUrl: string) => Promise<string> | string
  /** What the app is given besides its settings (the log sink is the harness's own). */
  dependencies?: Omit<AuthDependencies, 'logSink'>
}

export async function createAuthHarness(
  env: Record<string, string> = {},
  options: AuthHarnessOptions = {},
): Promise<AuthHarness> {
  const database = await createTestDatabase()
  const logs: LogRecord[] = []
  // Without an SMTP server of the test's own, mail goes to a fresh outbox, never the repo's.
  const outbox = mkdtempSync(path.join(tmpdir(), 'taskwise-outbox-'))
  const config = loadWebConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    DATABASE_URL: (await options.appDatabaseUrl?.(database.url)) ?? database.url,
    BETTER_AUTH_URL: BASE_URL,
    MAIL_OUTBOX_DIR: outbox,
    ...env,
  })
  const taskwise = createAuth(config, {
    ...options.dependencies,
    logSink: (record) => logs.push(record),
  })
  await taskwise.auth.api.getJwks()
  const http = createAuthHttp(taskwise)
  const routes: Record<string, (request: Request) => Promise<Response>> = {
    'POST /api/auth/register': http.register,
    'POST /api/auth/login': http.login,
    'POST /api/auth/logout': http.logout,
    'GET /api/auth/me': http.me,
    'POST /api/auth/forgot-password': http.forgotPassword,
    'POST /api/auth/reset-password': http.resetPassword,
    'POST /api/auth/change-password': http.changePassword,
    'POST /api/auth/change-email': http.changeEmail,
    'POST /api/auth/change-email/confirm': http.confirmEmail,
    'GET /api/auth/sessions': http.listSessions,
    'POST /api/auth/sessions/revoke-others': http.revokeOtherSessions,
    'GET /api/auth/activity': http.listActivity,
    'POST /api/auth/delete-account': http.deleteAccount,
    'POST /api/auth/login/two-factor': http.loginTwoFactor,
    'GET /api/auth/two-factor': http.twoFactorStatus,
    'POST /api/auth/two-factor/enable': http.enableTwoFactor,
    'POST /api/auth/two-factor/confirm': http.confirmTwoFactor,
    'POST /api/auth/two-factor/disable': http.disableTwoFactor,
    'POST /api/auth/two-factor/backup-codes': http.regenerateBackupCodes,
    'GET /api/auth/passkeys': http.listPasskeys,
    'POST /api/auth/passkeys/register-options': http.passkeyRegisterOptions,
    'GET /api/auth/openapi.json': async () => authOpenApiResponse(),
    'GET /api/health': http.health,
    'GET /api/ready': http.ready,
  }
  const edit = options.contractDocument ?? ((document) => document)
  const served = await authOpenApiResponse().json()
  const contract = createContract(edit(served as Record<string, unknown>), { undocumented: 'skip' })
  async function checked(request: Request, response: Response): Promise<Response> {
    contract.check({
      method: request.method,
      url: request.url,
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: await response.clone().text(),
    })
    return response
  }
  return {
    database,
    taskwise,
    http,
    logs,
    async request(path, { json, ip, ...init } = {}) {
      const headers = new Headers(init.headers)
      if (json !== undefined) headers.set('content-type', 'application/json')
      if (ip !== undefined) headers.set(CLIENT_ADDRESS_HEADER, ip)
      const method = init.method ?? (json === undefined ? 'GET' : 'POST')
      const request = new Request(new URL(path, BASE_URL), {
        ...init,
        method,
        headers,
        ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      })
      const pathname = new URL(request.url).pathname
      // Every route as the app's route files wrap it (a database fault is a 503, not a throw).
      const route = routes[`${method} ${pathname}`]
      if (route) return checked(request, await routeHandler(route)(request))
      const passkey = /^\/api\/auth\/passkeys\/([^/]+)\/(rename|remove)$/.exec(pathname)
      if (passkey && method === 'POST') {
        const handler = passkey[2] === 'rename' ? http.renamePasskey : http.removePasskey
        return checked(request, await handler(request, passkey[1] ?? ''))
      }
      const revoke = /^\/api\/auth\/sessions\/([^/]+)\/revoke$/.exec(pathname)
      if (revoke && method === 'POST') {
        const revokeSession = (given: Request) => http.revokeSession(given, revoke[1] ?? '')
        return checked(request, await routeHandler(revokeSession)(request))
      }
      return checked(request, await routeHandler(http.handleExternal)(request))
    },
    async close() {
      await taskwise.close()
      await database.drop()
      rmSync(outbox, { recursive: true, force: true })
    },
  }
}

/**
 * The harness of a whole test file: built before its first test, closed after its last. What it
 * returns is filled in by then, so a test uses it as it is (`harness.request(...)`).
 */
export function useAuthHarness(
  env: Record<string, string> = RAISED_AUTH_LIMITS,
  options: AuthHarnessOptions = {},
): AuthHarness {
  const harness = {} as AuthHarness
  let built = false
  beforeAll(async () => {
    Object.assign(harness, await createAuthHarness(env, options))
    built = true
  })
  afterAll(async () => {
    if (built) await harness.close()
  })
  return harness
}

/** The name=value pairs of a response's Set-Cookie headers, for sending back as a Cookie header. */
export function cookieHeaderFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0] ?? '')
    .filter((pair) => !pair.endsWith('='))
    .join('; ')
}

/** A password that meets the policy, unique per call so no two tests share one. */
let counter = 0
export function strongPassword(): string {
  counter += 1
  return `Tangerine-Kite-${counter}-${Math.random().toString(36).slice(2, 8)}`
}

export function uniqueEmail(label = 'user'): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`
}
