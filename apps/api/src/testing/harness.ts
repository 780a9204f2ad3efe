import { randomBytes, randomUUID } from 'node:crypto'
import { JWT_ALGORITHM, JWT_AUDIENCE } from '@taskwise/contracts/auth'
import { createDatabase, createPool, type Database } from '@taskwise/db/client'
import { session, user } from '@taskwise/db/schema/auth'
import { createTestDatabase, type TestDatabase } from '@taskwise/db/testing'
import type { FastifyInstance } from 'fastify'
import {
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JSONWebKeySet,
  type JWK,
  type JWTPayload,
} from 'jose'
import { buildApp, type AppOptions, type ServerOptionsOverrides } from '../app'
import { loadConfig } from '../config'
import { checkInjectedAnswers } from './checked-inject'

/**
 * What API tests stand on: a real, freshly migrated PostgreSQL database of their own (dropped
 * in `close()`), the app built around it, and a test signing key whose public half the app
 * trusts as if the web app's JWKS served it. Every answer of `app.inject` is checked against the
 * app's OpenAPI document (./checked-inject.ts).
 */

export const TEST_ISSUER = 'http://taskwise.test'
export const TEST_ORIGIN = TEST_ISSUER

export interface SigningKey {
  kid: string
  privateKey: CryptoKey
  publicJwk: JWK
}

export async function createSigningKey(kid = randomUUID()): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', {
    crv: 'Ed25519',
    extractable: true,
  })
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: JWT_ALGORITHM, use: 'sig' }
  return { kid, privateKey, publicJwk }
}

export interface TestUser {
  id: string
  email: string
  sessionId: string
  /** A valid Bearer token for this user's session. */
  token: string
}

export interface SignOptions {
  key?: SigningKey
  header?: Record<string, unknown>
  /** Claims to set (or, with the value `undefined`, to leave out). */
  claims?: Record<string, unknown>
}

export interface TestApi {
  app: FastifyInstance
  database: TestDatabase
  /** A separate connection for arranging rows and checking what the api did to them. */
  db: Database
  key: SigningKey
  /** The key set the app sees; push or remove keys to rotate. */
  jwks: JSONWebKeySet
  jwksFetches(): number
  createUser(): Promise<TestUser>
  sign(
    subject: { id: string; sessionId: string; email?: string },
    options?: SignOptions,
  ): Promise<string>
  close(): Promise<void>
}

export interface TestApiOptions
  extends Partial<Omit<AppOptions, 'config'>>, ServerOptionsOverrides {
  env?: Record<string, string>
  /** Make the key source fail (a network failure) from the call with this number on. */
  failJwksFromCall?: number
  /** The DATABASE_URL the app gets, given the test database's (e.g. through a proxy). */
  appDatabaseUrl?: (testDatabaseUrl: string) => string
  /** Changes the OpenAPI document the answers are checked against (tests of that check). */
  contractDocument?: (document: Record<string, unknown>) => Record<string, unknown>
}

export async function createTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const database = await createTestDatabase()
  const key = await createSigningKey()
  const jwks: JSONWebKeySet = { keys: [key.publicJwk] }
  let fetches = 0
  const config = loadConfig({
    DATABASE_URL: options.appDatabaseUrl?.(database.url) ?? database.url,
    AUTH_ISSUER: TEST_ISSUER,
    LOG_LEVEL: 'silent',
    API_SESSION_CACHE_MS: '0',
    // Files that make many requests per user are not about the per-user limit: raised, not off
    // (limits/rate-limit.test.ts sets its own).
    API_RATE_LIMIT_MAX: '1000000',
    ...options.env,
  })
  const {
    env: _env,
    failJwksFromCall,
    appDatabaseUrl: _appDatabaseUrl,
    contractDocument,
    ...rest
  } = options
  const app = await buildApp({
    config,
    jwksSource: async () => {
      fetches += 1
      if (failJwksFromCall !== undefined && fetches >= failJwksFromCall) {
        throw new TypeError('fetch failed (simulated network failure)')
      }
      return structuredClone(jwks)
    },
    ...rest,
  })
  await app.ready()
  // Every answer of app.inject is checked against /openapi.json (docs/decisions/0107).
  await checkInjectedAnswers(app, contractDocument)

  const pool = createPool(database.url, { max: 2, onError: () => {} })
  const db = createDatabase(pool)

  async function sign(
    subject: { id: string; sessionId: string; email?: string },
    signOptions: SignOptions = {},
  ) {
    const signingKey = signOptions.key ?? key
    const now = Math.floor(Date.now() / 1000)
    const claims: Record<string, unknown> = {
      sub: subject.id,
      sid: subject.sessionId,
      email: subject.email ?? 'someone@example.com',
      iss: TEST_ISSUER,
      aud: JWT_AUDIENCE,
      iat: now,
      exp: now + 7 * 24 * 3600,
      ...signOptions.claims,
    }
    for (const [name, value] of Object.entries(claims)) if (value === undefined) delete claims[name]
    return new SignJWT(claims as JWTPayload)
      .setProtectedHeader({
        alg: JWT_ALGORITHM,
        kid: signingKey.kid,
        typ: 'JWT',
        ...signOptions.header,
      })
      .sign(signingKey.privateKey)
  }

  return {
    app,
    database,
    db,
    key,
    jwks,
    jwksFetches: () => fetches,
    sign,
    async createUser() {
      const email = `user-${randomBytes(6).toString('hex')}@example.com`
      const [created] = await db
        .insert(user)
        .values({ name: 'Test User', email })
        .returning({ id: user.id })
      if (!created) throw new Error('no user row')
      const [started] = await db
        .insert(session)
        .values({
          userId: created.id,
          token: randomBytes(24).toString('hex'),
          expiresAt: new Date(Date.now() + 7 * 24 * 3600 * 1000),
          updatedAt: new Date(),
        })
        .returning({ id: session.id })
      if (!started) throw new Error('no session row')
      const token = await sign({ id: created.id, sessionId: started.id, email })
      return { id: created.id, email, sessionId: started.id, token }
    },
    async close() {
      await app.close()
      await pool.end()
      await database.drop()
    },
  }
}

/** Headers for a Bearer request. */
export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` }
}
