import { z } from 'zod'
import { authUserSchema, emailSchema, loginPasswordSchema } from './auth-payloads'

/**
 * Bodies and answers of the account security centre (web app, beside register/login/logout/me):
 * reset by email, change of password and email, sessions, activity and deletion. The browser
 * forms and the server validate with these same schemas. Every route that needs the current
 * password takes it as `password` (or `currentPassword`), checked like a sign-in password: only
 * its length, since an account may predate the policy. The bodies that set a new password (reset,
 * change) are in ./password-bodies.ts.
 */

/** A reset or email-change link's token: what the mailed link carries. */
export const linkTokenSchema = z
  .string()
  .trim()
  .min(1, { message: 'The link is incomplete' })
  .max(200, { message: 'The link is not valid' })
  .regex(/^[A-Za-z0-9_-]+$/, { message: 'The link is not valid' })

/** POST /api/auth/forgot-password → 202 {@link acceptedResponseSchema}, whoever the address is. */
export const forgotPasswordBodySchema = z.strictObject({ email: emailSchema })
export type ForgotPasswordBody = z.output<typeof forgotPasswordBodySchema>

/** POST /api/auth/change-email → 202: a link goes to the new address, a notice to the old. */
export const changeEmailBodySchema = z.strictObject({
  newEmail: emailSchema,
  password: loginPasswordSchema,
})
export type ChangeEmailBody = z.output<typeof changeEmailBodySchema>

/** POST /api/auth/change-email/confirm → 200 `{user}`: the link from the mail, opened. */
export const confirmEmailBodySchema = z.strictObject({ token: linkTokenSchema })
export type ConfirmEmailBody = z.output<typeof confirmEmailBodySchema>

/** The current password, for the routes that end sessions or the account. */
export const reauthenticateBodySchema = z.strictObject({ password: loginPasswordSchema })
export type ReauthenticateBody = z.output<typeof reauthenticateBodySchema>

/** 202 from forgot-password and change-email: the same body whatever happened. */
export const acceptedResponseSchema = z.object({ message: z.string() })
export type AcceptedResponse = z.output<typeof acceptedResponseSchema>

/** One signed-in device, as GET /api/auth/sessions shows it: never a session token. */
export const sessionItemSchema = z.object({
  id: z.uuid(),
  current: z.boolean(),
  /** A short description from the User-Agent, such as "Chrome on Linux"; "Unknown device" else. */
  device: z.string(),
  ip: z.string().nullable(),
  createdAt: z.iso.datetime(),
  lastActiveAt: z.iso.datetime(),
})
export type SessionItem = z.output<typeof sessionItemSchema>

export const sessionListSchema = z.object({ items: z.array(sessionItemSchema) })
export type SessionList = z.output<typeof sessionListSchema>

/** What the activity list records, newest first, for 90 days. */
export const ACTIVITY_TYPES = [
  'sign_up',
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'password_changed',
  'password_reset_requested',
  'password_reset',
  'email_change_requested',
  'email_changed',
  'session_revoked',
  'other_sessions_revoked',
  'two_factor_enabled',
  'two_factor_disabled',
  'backup_codes_regenerated',
  'backup_code_used',
  'passkey_added',
  'passkey_removed',
] as const
export type ActivityType = (typeof ACTIVITY_TYPES)[number]

/** How long activity is kept. */
export const ACTIVITY_RETENTION_DAYS = 90

export const activityItemSchema = z.object({
  type: z.enum(ACTIVITY_TYPES),
  at: z.iso.datetime(),
  ip: z.string().nullable(),
  device: z.string(),
})
export type ActivityItem = z.output<typeof activityItemSchema>

export const activityListSchema = z.object({ items: z.array(activityItemSchema) })
export type ActivityList = z.output<typeof activityListSchema>

export const confirmEmailResponseSchema = z.object({ user: authUserSchema })
export type ConfirmEmailResponse = z.output<typeof confirmEmailResponseSchema>
