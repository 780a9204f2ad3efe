import { randomBytes } from 'node:crypto'
import http from 'node:http'
import { JWT_AUDIENCE } from '@taskwise/contracts/auth'
import { createPool } from '@taskwise/db/client'
import { generateKeyPair, SignJWT } from 'jose'
import { loadWebConfig } from '../../../apps/web/src/server/config'
import { limitedHashing, passwordHashing } from '../../../apps/web/src/server/auth/password-hashing'

/**
 * The sign-in floor (docs/decisions/0322-sign-in-without-next-router.md): the least a server can
 * do to sign someone in, against the web app's own tables. A bare node:http route, in a process of
 * its own, on a pool of the web app's size: it reads the user and the credential's hash by email
 * (one query), verifies the password with the web app's own argon2id module under the same limit
 * of hashes at once (UV_THREADPOOL_SIZE − 1), inserts a session row, and signs an Ed25519 JWT
 * with jose (as Better Auth does) — then answers the token in JSON and a cookie. No rate limit,
 * lockout, activity row, logging, cookie signature, validation or framework.
 *
 * Settings (from the benchmark): SIGNIN_FLOOR_DATABASE_URL, SIGNIN_FLOOR_PORT, and the web
 * app's own (WEB_DB_POOL_MAX, UV_THREADPOOL_SIZE, JWT_TTL_SECONDS…) read through its config.
 */

const databaseUrl = process.env.SIGNIN_FLOOR_DATABASE_URL
if (!databaseUrl) throw new Error('sign-in floor: SIGNIN_FLOOR_DATABASE_URL is required')
const port = Number(process.env.SIGNIN_FLOOR_PORT ?? 4913)
const config = loadWebConfig({ ...process.env, DATABASE_URL: databaseUrl })
const pool = createPool(databaseUrl, {
  max: config.database.poolMax,
  connectionTimeoutMillis: config.database.connectionTimeoutMs,
  applicationName: 'taskwise-bench-sign-in-floor',
})
const hashing = limitedHashing(passwordHashing('argon2id'), config.passwordHashesAtOnce)
const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' })
const kid = randomBytes(8).toString('hex')

const FIND_USER = `select u.id, u.email, a.password from "user" u
  join account a on a.user_id = u.id and a.provider_id = 'credential' where u.email = $1`
const INSERT_SESSION = `insert into session (token, user_id, expires_at, updated_at, ip_address, user_agent)
  values ($1, $2, now() + make_interval(secs => $3), now(), $4, $5) returning id`

async function signIn(
  request: http.IncomingMessage,
): Promise<{ status: number; body: string; cookie?: string }> {
  const chunks: Buffer[] = []
  for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk)
  const { email, password } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
    email: string
    password: string
  }
  const found = await pool.query<{ id: string; email: string; password: string }>(FIND_USER, [
    email.trim().toLowerCase(),
  ])
  const row = found.rows[0]
  if (!row || !(await hashing.verify({ hash: row.password, password })))
    return { status: 401, body: '{"code":"invalid_credentials"}' }
  const token = randomBytes(24).toString('base64url')
  const session = await pool.query<{ id: string }>(INSERT_SESSION, [
    token,
    row.id,
    config.jwtTtlSeconds,
    request.socket.remoteAddress ?? null,
    request.headers['user-agent'] ?? null,
  ])
  const jwt = await new SignJWT({ email: row.email, sid: session.rows[0]?.id })
    .setProtectedHeader({ alg: 'EdDSA', kid })
    .setSubject(row.id)
    .setIssuer(config.baseUrl)
    .setAudience(JWT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${config.jwtTtlSeconds}s`)
    .sign(privateKey)
  return {
    status: 200,
    body: JSON.stringify({ user: { id: row.id, email: row.email }, token: jwt }),
    cookie: `taskwise.jwt=${jwt}; Max-Age=${config.jwtTtlSeconds}; Path=/; HttpOnly; SameSite=Lax`,
  }
}

const server = http.createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/health') {
    response.writeHead(200).end('ok')
    return
  }
  if (request.method !== 'POST' || request.url !== '/login') {
    response.writeHead(404).end()
    return
  }
  signIn(request).then(
    ({ status, body, cookie }) => {
      response.writeHead(status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        ...(cookie ? { 'set-cookie': cookie } : {}),
      })
      response.end(body)
    },
    (error: unknown) => {
      console.error('sign-in floor:', error)
      response.writeHead(500).end()
    },
  )
})
server.listen(port, '127.0.0.1')
process.on('SIGTERM', () => {
  server.close()
  void pool.end().then(() => process.exit(0))
})
