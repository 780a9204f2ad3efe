import { isIP } from 'node:net'
import { nodeEnv, parseEnv, port, postgresUrl } from '@taskwise/contracts/config'
import { z } from 'zod'

/**
 * The api's settings: one schema, read once at start-up by server.ts. Nothing else in the api
 * reads `process.env`; tests build a config from a plain object.
 */

const httpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
  .transform((value) => value.replace(/\/+$/, ''))

const positiveMs = (fallback: number) =>
  z.coerce.number().int().min(0).max(600_000).default(fallback)

const origins = z
  .string()
  .optional()
  .transform((value, context) => {
    const list = (value ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean)
    const parsed: string[] = []
    for (const entry of list) {
      try {
        parsed.push(new URL(entry).origin)
      } catch {
        context.addIssue({
          code: 'custom',
          message: `"${entry}" is not an origin such as https://example.com`,
        })
      }
    }
    return parsed
  })

/** Addresses or CIDR ranges of the reverse proxies whose X-Forwarded-* headers are believed. */
const proxies = z
  .string()
  .optional()
  .transform((value, context) => {
    const list = (value ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean)
    for (const entry of list) {
      const [address = '', bits] = entry.split('/')
      const family = isIP(address)
      const maxBits = family === 6 ? 128 : 32
      if (family === 0 || (bits !== undefined && !(Number(bits) >= 0 && Number(bits) <= maxBits))) {
        context.addIssue({
          code: 'custom',
          message: `"${entry}" is not an IP address or CIDR range such as 10.0.0.0/8`,
        })
      }
    }
    return list
  })

const count = (fallback: number, max: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback)

export const configSchema = z
  .object({
    NODE_ENV: nodeEnv,
    DATABASE_URL: postgresUrl,
    API_PORT: port(4000),
    API_HOST: z.string().trim().min(1).default('127.0.0.1'),
    AUTH_ISSUER: httpUrl.default('http://localhost:3000'),
    AUTH_JWKS_URL: httpUrl.optional(),
    API_TRUSTED_ORIGINS: origins,
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    API_DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    // Timeouts: docs/decisions/0511-timeouts.md.
    API_DB_CONNECTION_TIMEOUT_MS: positiveMs(3_000).pipe(z.number().min(100)),
    API_DB_STATEMENT_TIMEOUT_MS: positiveMs(10_000).pipe(z.number().min(100)),
    API_HEADERS_TIMEOUT_MS: positiveMs(10_000).pipe(z.number().min(100)),
    API_REQUEST_TIMEOUT_MS: positiveMs(30_000).pipe(z.number().min(100)),
    API_SESSION_CACHE_MS: positiveMs(5_000),
    API_SHUTDOWN_GRACE_MS: positiveMs(10_000),
    TRUSTED_PROXIES: proxies,
    API_RATE_LIMIT_MAX: count(600, 1_000_000_000),
    API_RATE_LIMIT_WINDOW_SECONDS: count(60, 86_400),
    API_MAX_TASKS_PER_USER: count(10_000, 10_000_000),
    REDIS_URL: z
      .url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' })
      .optional(),
  })
  .refine((env) => env.API_HEADERS_TIMEOUT_MS <= env.API_REQUEST_TIMEOUT_MS, {
    path: ['API_HEADERS_TIMEOUT_MS'],
    message: 'must not be longer than API_REQUEST_TIMEOUT_MS',
  })
  .transform((env) => ({
    ...env,
    AUTH_JWKS_URL: env.AUTH_JWKS_URL ?? `${env.AUTH_ISSUER}/api/auth/jwks`,
    // Cookie-authenticated writes must come from the web app's origin (the issuer) or one listed.
    API_TRUSTED_ORIGINS: [
      ...new Set([new URL(env.AUTH_ISSUER).origin, ...env.API_TRUSTED_ORIGINS]),
    ],
  }))

export type Config = z.output<typeof configSchema>

export function loadConfig(env: Record<string, string | undefined>): Config {
  return parseEnv('Taskwise api', configSchema, env)
}
