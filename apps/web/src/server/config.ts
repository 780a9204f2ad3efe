import path from 'node:path'
import {
  assertProductionSecret,
  ConfigError,
  DEVELOPMENT_SECRET,
  nodeEnv,
  parseEnv,
  port,
  postgresUrl,
} from '@taskwise/contracts/config'
import { defaultDataDir, outboxDirIn } from '@taskwise/db/paths'
import { z } from 'zod'
import { duration, httpOrigin, ipOrCidr, mailbox, millis, positiveInt } from './config-values'

/**
 * The web app's settings: one schema, read once when the web server starts (src/web-server, and
 * again on the first request that needs them inside Next), validated, and frozen. Nothing else in
 * apps/web reads `process.env`, and `next build` reads none of them: one build serves every
 * environment (docs/decisions/0520-web-server.md). Documented in the "Web app" section of
 * .env.example.
 */

const SERVICE = 'Taskwise web'

const webEnvSchema = z.object({
  NODE_ENV: nodeEnv,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: postgresUrl,
  BETTER_AUTH_URL: httpOrigin('http://localhost:3000'),
  BETTER_AUTH_SECRET: z.string().min(1).default(DEVELOPMENT_SECRET),
  JWT_TTL: duration.default(7 * 86_400),
  API_URL: httpOrigin('http://127.0.0.1:4000'),
  WEB_PORT: port(3000),
  WEB_HOST: z.string().trim().min(1).optional(),
  WEB_HEADERS_TIMEOUT_MS: millis(10_000),
  WEB_REQUEST_TIMEOUT_MS: millis(30_000),
  WEB_KEEP_ALIVE_TIMEOUT_MS: millis(65_000),
  WEB_API_TIMEOUT_MS: millis(30_000),
  WEB_SHUTDOWN_GRACE_MS: millis(10_000),
  AUTH_RATE_LIMIT_MAX: positiveInt(10),
  AUTH_RATE_LIMIT_WINDOW_SECONDS: positiveInt(60, 86_400),
  AUTH_LOCKOUT_MAX_FAILURES: positiveInt(10),
  AUTH_LOCKOUT_WINDOW_SECONDS: positiveInt(900, 86_400),
  AUTH_PASSWORD_HASHER: z.enum(['argon2id', 'scrypt']).default('argon2id'),
  WEB_DB_POOL_MAX: positiveInt(10, 200),
  /** Node's own setting (read by libuv at the first task): the threads that hash and do crypto. */
  UV_THREADPOOL_SIZE: positiveInt(4, 1024),
  WEB_DB_CONNECTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  CLIENT_IP_HEADER: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9-]+$/, 'must be an HTTP header name')
    .default('x-forwarded-for'),
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .pipe(z.array(ipOrCidr)),
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, message: 'must be an smtp:// or smtps:// URL' })
    .optional(),
  MAIL_FROM: mailbox.default('Taskwise <no-reply@localhost>'),
  MAIL_TRANSPORT: z.enum(['smtp', 'outbox']).optional(),
  TASKWISE_DATA_DIR: z.string().default(defaultDataDir),
  MAIL_OUTBOX_DIR: z.string().optional(),
})

export interface WebConfig {
  nodeEnv: 'development' | 'test' | 'production'
  logLevel: z.output<typeof webEnvSchema>['LOG_LEVEL']
  databaseUrl: string
  /** The app's public origin: the JWT issuer and the one trusted origin. */
  baseUrl: string
  secret: string
  /** Lifetime of a JWT (and of a session), in seconds. */
  jwtTtlSeconds: number
  apiUrl: string
  /** The web server (src/web-server): where it listens, its timeouts, its shutdown. */
  server: {
    port: number
    /** The interface to listen on; null: every interface. */
    host: string | null
    /** A client must have sent its request headers within this many ms, ... */
    headersTimeoutMs: number
    /** ... and its whole request (headers and body) within this many. */
    requestTimeoutMs: number
    /** How long an idle kept-alive connection stays open. */
    keepAliveTimeoutMs: number
    /** How long the api may take to start answering a forwarded task request. */
    apiTimeoutMs: number
    /** On SIGTERM/SIGINT, how long in-flight requests get to finish. */
    shutdownGraceMs: number
  }
  rateLimit: {
    /** Sign-in and sign-up attempts per client IP, per path, per window. */
    max: number
    windowSeconds: number
  }
  lockout: {
    /** Sign-in attempts per account (failed, or not yet known to have succeeded) per window. */
    maxFailures: number
    windowSeconds: number
  }
  clientIp: {
    header: string
    trustedProxies: string[]
  }
  /** The pool; a query waits at most `connectionTimeoutMs` for a connection (then 503). */
  database: { poolMax: number; connectionTimeoutMs: number }
  /** The function that hashes new passwords; stored hashes of either kind are always verified. */
  passwordHasher: 'argon2id' | 'scrypt'
  /** Password hashes that may run at once: one thread of libuv's pool is left for other work. */
  passwordHashesAtOnce: number
  mail: {
    /** Where mail goes; null: into {@link WebConfig.mail.outboxDir} (development, local runs). */
    smtpUrl: string | null
    /** The From header of every mail. */
    from: string
    /** The folder the outbox writes one JSON file per mail into (absolute). */
    outboxDir: string
  }
}

/** Validates an environment into a {@link WebConfig}; a bad or missing value throws a ConfigError. */
export function loadWebConfig(env: Record<string, string | undefined>): WebConfig {
  let parsed: z.output<typeof webEnvSchema>
  try {
    parsed = parseEnv(SERVICE, webEnvSchema, env)
  } catch (error) {
    if (error instanceof ConfigError && /DATABASE_URL is required/.test(error.message)) {
      throw new ConfigError(
        `${error.message}\nRun \`npm start\` (or \`npm run dev\`) at the repository root: it starts the database and gives the web app its DATABASE_URL.`,
      )
    }
    throw error
  }
  assertProductionSecret(SERVICE, 'BETTER_AUTH_SECRET', parsed.BETTER_AUTH_SECRET, parsed.NODE_ENV)
  if (
    parsed.NODE_ENV === 'production' &&
    parsed.BETTER_AUTH_URL.startsWith('http://') &&
    !isLoopbackUrl(parsed.BETTER_AUTH_URL)
  ) {
    throw new ConfigError(
      `${SERVICE}: setting BETTER_AUTH_URL must be an https:// URL in production (cookies would travel in the clear); http:// is accepted only for localhost.`,
    )
  }
  return Object.freeze({
    nodeEnv: parsed.NODE_ENV,
    logLevel: parsed.LOG_LEVEL,
    databaseUrl: parsed.DATABASE_URL,
    baseUrl: parsed.BETTER_AUTH_URL,
    secret: parsed.BETTER_AUTH_SECRET,
    jwtTtlSeconds: parsed.JWT_TTL,
    apiUrl: parsed.API_URL,
    server: {
      port: parsed.WEB_PORT,
      host: parsed.WEB_HOST ?? null,
      headersTimeoutMs: Math.min(parsed.WEB_HEADERS_TIMEOUT_MS, parsed.WEB_REQUEST_TIMEOUT_MS),
      requestTimeoutMs: parsed.WEB_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: parsed.WEB_KEEP_ALIVE_TIMEOUT_MS,
      apiTimeoutMs: parsed.WEB_API_TIMEOUT_MS,
      shutdownGraceMs: parsed.WEB_SHUTDOWN_GRACE_MS,
    },
    rateLimit: {
      max: parsed.AUTH_RATE_LIMIT_MAX,
      windowSeconds: parsed.AUTH_RATE_LIMIT_WINDOW_SECONDS,
    },
    lockout: {
      maxFailures: parsed.AUTH_LOCKOUT_MAX_FAILURES,
      windowSeconds: parsed.AUTH_LOCKOUT_WINDOW_SECONDS,
    },
    clientIp: { header: parsed.CLIENT_IP_HEADER, trustedProxies: parsed.TRUSTED_PROXIES },
    database: {
      poolMax: parsed.WEB_DB_POOL_MAX,
      connectionTimeoutMs: parsed.WEB_DB_CONNECTION_TIMEOUT_MS,
    },
    passwordHasher: parsed.AUTH_PASSWORD_HASHER,
    passwordHashesAtOnce: Math.max(1, parsed.UV_THREADPOOL_SIZE - 1),
    mail: {
      smtpUrl: mailTransport(parsed) === 'smtp' ? (parsed.SMTP_URL ?? null) : null,
      from: parsed.MAIL_FROM,
      outboxDir: path.resolve(parsed.MAIL_OUTBOX_DIR ?? outboxDirIn(parsed.TASKWISE_DATA_DIR)),
    },
  })
}

/**
 * SMTP when SMTP_URL is set. Without it, development writes mail to the outbox; production does
 * too only when asked to explicitly (MAIL_TRANSPORT=outbox, which `npm start` sets) and only on a
 * localhost address, so a deployment can never keep its mail on disk unnoticed
 * (docs/decisions/0205-mail-delivery.md).
 */
function mailTransport(parsed: z.output<typeof webEnvSchema>): 'smtp' | 'outbox' {
  const { SMTP_URL, MAIL_TRANSPORT, NODE_ENV, BETTER_AUTH_URL } = parsed
  if (MAIL_TRANSPORT === 'smtp' && !SMTP_URL) {
    throw new ConfigError(`${SERVICE}: setting SMTP_URL is required when MAIL_TRANSPORT is smtp.`)
  }
  if (MAIL_TRANSPORT === 'outbox' && SMTP_URL) {
    throw new ConfigError(
      `${SERVICE}: settings SMTP_URL and MAIL_TRANSPORT=outbox contradict each other; unset one of them.`,
    )
  }
  if (SMTP_URL) return 'smtp'
  if (NODE_ENV !== 'production') return 'outbox'
  if (MAIL_TRANSPORT !== 'outbox') {
    throw new ConfigError(
      `${SERVICE}: setting SMTP_URL is required in production: without it no password-reset or account-security mail could be sent. Set it to your mail server (smtp:// or smtps://); \`npm start\` on your own machine writes mail to a local outbox instead.`,
    )
  }
  if (!isLoopbackUrl(BETTER_AUTH_URL)) {
    throw new ConfigError(
      `${SERVICE}: setting MAIL_TRANSPORT=outbox is accepted in production only when BETTER_AUTH_URL is a localhost address; Taskwise at ${BETTER_AUTH_URL} must set SMTP_URL so that its mail reaches people.`,
    )
  }
  return 'outbox'
}

/** True for http(s)://localhost, 127.0.0.1 or [::1], whatever the port. */
export function isLoopbackUrl(url: string): boolean {
  return isLoopbackHost(new URL(url).hostname)
}

/** True for localhost, 127.0.0.1 or [::1] (a URL's hostname, without the port). */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]'
}

let config: WebConfig | undefined

/** The process's settings, read from `process.env` on first use and kept. */
export function getWebConfig(): WebConfig {
  config ??= loadWebConfig(process.env)
  return config
}
