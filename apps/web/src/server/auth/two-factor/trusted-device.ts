import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { schema, type Database } from '@taskwise/db/client'
import { and, eq, gt } from 'drizzle-orm'

/**
 * "Don't ask again on this device for 30 days" (docs/decisions/0207-two-factor-sign-in.md): an
 * httpOnly cookie `<row id>.<secret>.<HMAC>`, the HMAC (keyed with the app's secret) binding it to
 * the account. The row in `trusted_device` holds only the secret's SHA-256; deleting the rows
 * (with the sessions, on a password change or reset, or when two-factor sign-in is turned off)
 * makes every such cookie worthless.
 */

export const TRUSTED_DEVICE_DAYS = 30
const TRUSTED_DEVICE_SECONDS = TRUSTED_DEVICE_DAYS * 86_400

export interface TrustedDeviceCookie {
  name: string
  secure: boolean
}

export function trustedDeviceCookieFor(baseUrl: string): TrustedDeviceCookie {
  const secure = baseUrl.startsWith('https://')
  return { name: `${secure ? '__Secure-' : ''}taskwise.trusted_device`, secure }
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url')
const signature = (secret: string, userId: string, id: string, token: string) =>
  createHmac('sha256', secret).update(`trusted-device:${userId}.${id}.${token}`).digest('base64url')

/** Remembers this device for the person: the Set-Cookie value to send. */
export async function trustDevice(
  db: Database,
  secret: string,
  cookie: TrustedDeviceCookie,
  userId: string,
): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  const [row] = await db
    .insert(schema.trustedDevice)
    .values({
      userId,
      tokenHash: sha256(token),
      expiresAt: new Date(Date.now() + TRUSTED_DEVICE_SECONDS * 1000),
    })
    .returning({ id: schema.trustedDevice.id })
  if (!row) throw new Error('trusted_device: the insert returned no row')
  const value = `${row.id}.${token}.${signature(secret, userId, row.id, token)}`
  return `${cookie.name}=${value}; Max-Age=${TRUSTED_DEVICE_SECONDS}; Path=/; HttpOnly; SameSite=Lax${cookie.secure ? '; Secure' : ''}`
}

/** Whether `value` (the cookie as the browser sent it) is a live trust of this person's. */
export async function isTrustedDevice(
  db: Database,
  secret: string,
  userId: string,
  value: string | undefined,
): Promise<boolean> {
  const [id, token, signed] = value?.split('.') ?? []
  if (!id || !token || !signed || !/^[0-9a-f-]{36}$/.test(id)) return false
  const expected = Buffer.from(signature(secret, userId, id, token))
  const given = Buffer.from(signed)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false
  const rows = await db
    .select({ id: schema.trustedDevice.id })
    .from(schema.trustedDevice)
    .where(
      and(
        eq(schema.trustedDevice.id, id),
        eq(schema.trustedDevice.userId, userId),
        eq(schema.trustedDevice.tokenHash, sha256(token)),
        gt(schema.trustedDevice.expiresAt, new Date()),
      ),
    )
    .limit(1)
  return rows.length === 1
}

/** Revokes every device the person trusted. */
export async function forgetTrustedDevices(db: Database, userId: string): Promise<void> {
  await db.delete(schema.trustedDevice).where(eq(schema.trustedDevice.userId, userId))
}
