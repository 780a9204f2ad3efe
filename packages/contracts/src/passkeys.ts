import { z } from 'zod'
import { NUL_MESSAGE, WITHOUT_NUL } from './text'

/**
 * Passkeys (WebAuthn) in the settings page: the list, a name for each, removing one, and the
 * start of adding one (docs/decisions/0207-two-factor-sign-in.md). The ceremonies themselves go
 * through Better Auth's passkey routes; these are the contract routes around them.
 */

/** One passkey as the settings page shows it: never its key or credential id. */
export const passkeyItemSchema = z.object({
  id: z.uuid(),
  name: z.string().nullable(),
  /** The password manager or platform that holds it, when its AAGUID is a known one. */
  provider: z.string().nullable(),
  /** Whether it is synced (backed up) to other devices. */
  backedUp: z.boolean(),
  createdAt: z.iso.datetime().nullable(),
})
export type PasskeyItem = z.output<typeof passkeyItemSchema>

export const passkeyListSchema = z.object({ items: z.array(passkeyItemSchema) })
export type PasskeyList = z.output<typeof passkeyListSchema>

/** A passkey's name: 1–64 characters. */
export const passkeyNameSchema = z
  .string()
  .trim()
  .min(1, { message: 'Give the passkey a name' })
  .max(64, { message: 'At most 64 characters' })
  .regex(WITHOUT_NUL, NUL_MESSAGE)

/** POST /api/auth/passkeys/{id}/rename `{name}`. */
export const passkeyRenameBodySchema = z.strictObject({ name: passkeyNameSchema })
export type PasskeyRenameBody = z.output<typeof passkeyRenameBodySchema>

/**
 * 200 from POST /api/auth/passkeys/register-options: WebAuthn's PublicKeyCredentialCreationOptions
 * as JSON, for the browser's `navigator.credentials.create` (through @simplewebauthn/browser).
 */
export const passkeyRegistrationOptionsSchema = z
  .object({
    challenge: z.string(),
    rp: z.object({ id: z.string().optional(), name: z.string() }).loose(),
    user: z.object({ id: z.string(), name: z.string(), displayName: z.string() }).loose(),
  })
  .loose()
