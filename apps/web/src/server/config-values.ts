import { isIP } from 'node:net'
import { z } from 'zod'

/** The kinds of value the web app's settings take (config.ts composes them). */

/** A duration such as `7d`, `12h`, `30m` or `900s`, in seconds. */
export const duration = z
  .string()
  .trim()
  .regex(/^\d+[smhd]$/, 'must be a whole number followed by s, m, h or d, such as 7d')
  .transform((value) => {
    const amount = Number(value.slice(0, -1))
    const unit = value.slice(-1)
    const factor = unit === 'd' ? 86_400 : unit === 'h' ? 3_600 : unit === 'm' ? 60 : 1
    return amount * factor
  })
  .refine((seconds) => seconds >= 60 && seconds <= 90 * 86_400, 'must be between 1m and 90d')

/** A limit that can be raised but never turned off. */
export const positiveInt = (fallback: number, max = 1_000_000) =>
  z.coerce.number().int().min(1).max(max).default(fallback)

export const httpOrigin = (fallback: string) =>
  z
    .url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' })
    .default(fallback)
    .transform((value) => value.replace(/\/+$/, ''))

/** Milliseconds, between 1 and `max`. */
export const millis = (fallback: number, max = 600_000) =>
  z.coerce.number().int().min(1).max(max).default(fallback)

/** An IP address, or a CIDR range such as 10.0.0.0/8 or fd00::/8. */
export const ipOrCidr = z
  .string()
  .trim()
  .refine((value) => {
    const [address = '', prefix, extra] = value.split('/')
    const family = isIP(address)
    if (family === 0 || extra !== undefined) return false
    if (prefix === undefined) return true
    return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128)
  }, 'must be a comma-separated list of IP addresses or CIDR ranges')

/** `Name <address>` or a bare address, on one line (a header value). */
export const mailbox = z
  .string()
  .trim()
  .regex(
    /^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/,
    'must be an address such as no-reply@example.com or Taskwise <no-reply@example.com>',
  )
