import { z } from 'zod'

/**
 * Settings every Taskwise process understands. Each service composes its own schema from these
 * and reads `process.env` exactly once, through {@link parseEnv}, at start-up.
 */

/** A secret that ships in the repo for development only; production refuses it. */
export const DEVELOPMENT_SECRET = 'taskwise-development-secret-do-not-use-in-production'

export const nodeEnv = z.enum(['development', 'test', 'production']).default('development')

export const port = (fallback: number) =>
  z.coerce.number().int().min(0).max(65535).default(fallback)

export const postgresUrl = z
  .string()
  .trim()
  .refine(
    (value) => /^postgres(ql)?:\/\//.test(value),
    'must be a postgres:// or postgresql:// URL',
  )

export const booleanFlag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((value) => value === 'true' || value === '1')

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/**
 * Validates `env` against `schema`. A missing or bad value throws a {@link ConfigError} whose
 * message is one sentence per setting, naming it, e.g.
 * `Taskwise api: setting DATABASE_URL is required.`
 */
export function parseEnv<T extends z.ZodType>(
  service: string,
  schema: T,
  env: Record<string, string | undefined>,
): z.output<T> {
  // An empty variable means "unset", as in most shells and .env files.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''))
  const result = schema.safeParse(cleaned)
  if (result.success) return result.data
  const sentences = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(environment)'
    const given = cleaned[String(issue.path[0])]
    if (given === undefined && issue.code === 'invalid_type') {
      return `${service}: setting ${name} is required.`
    }
    return `${service}: setting ${name} is invalid: ${issue.message}.`
  })
  throw new ConfigError(sentences.join('\n'))
}

/** Refuses the development secret (or a short one) when NODE_ENV is production. */
export function assertProductionSecret(
  service: string,
  name: string,
  value: string,
  environment: string,
): void {
  if (environment !== 'production') return
  if (value === DEVELOPMENT_SECRET) {
    throw new ConfigError(
      `${service}: setting ${name} still has the development default; set a random value of at least 32 characters (for example \`openssl rand -base64 32\`) before running in production.`,
    )
  }
  if (value.length < 32) {
    throw new ConfigError(
      `${service}: setting ${name} must be at least 32 characters in production.`,
    )
  }
}
