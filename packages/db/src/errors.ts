/**
 * Telling a database that cannot be reached (or whose pool is exhausted) from a query that was
 * wrong: the first is a 503 with Retry-After in both services, the second a 500
 * (docs/decisions/0510-database-faults.md).
 */

/** Seconds a client should wait before retrying while the database is down or busy. */
export const DATABASE_RETRY_AFTER_SECONDS = 5

const unavailableErrnos = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
])

/**
 * True when `error` (or any error in its `cause` chain: drizzle wraps driver errors) says the
 * database cannot be reached, rather than that a query was wrong.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth += 1) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') {
      if (unavailableErrnos.has(code)) return true
      // SQLSTATE 08xxx connection exception, 57P0x shutdown / cannot connect now, 53300 too many connections.
      if (/^08...$/.test(code) || /^57P0[1-3]$/.test(code) || code === '53300') return true
    }
    if (
      /timeout exceeded when trying to connect|Query read timeout|Connection terminated|connection error and is not queryable|Cannot use a pool after calling end/i.test(
        current.message,
      )
    ) {
      return true
    }
    current = (current as { cause?: unknown }).cause
  }
  return false
}
