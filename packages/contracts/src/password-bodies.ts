import { z } from 'zod'
import { linkTokenSchema } from './account'
import { emailSchema, loginPasswordSchema, nameSchema } from './auth-payloads'
import { passwordSchema } from './password'

/**
 * The bodies that set a new password, checked against the whole policy (common-password list
 * included): register, reset and change. Apart from the other auth and account bodies so that a
 * page without such a form never loads the list (docs/decisions/0310-pages-fast-on-a-phone.md).
 */

/** POST /api/auth/register → 201 `{user, token, expiresAt}` and cookies. */
export const registerBodySchema = z.strictObject({
  email: emailSchema,
  password: passwordSchema,
  name: nameSchema.optional(),
})
export type RegisterBody = z.output<typeof registerBodySchema>

/** POST /api/auth/reset-password → 204. A reset does not sign the person in. */
export const resetPasswordBodySchema = z.strictObject({
  token: linkTokenSchema,
  password: passwordSchema,
})
export type ResetPasswordBody = z.output<typeof resetPasswordBodySchema>

/**
 * POST /api/auth/change-password → 200 `{user, token, expiresAt}` and fresh cookies: the current
 * session is replaced by a new one, and every other session ends unless `signOutOtherSessions`
 * is `false`.
 */
export const changePasswordBodySchema = z.strictObject({
  currentPassword: loginPasswordSchema,
  newPassword: passwordSchema,
  signOutOtherSessions: z.boolean().optional(),
})
export type ChangePasswordBody = z.output<typeof changePasswordBodySchema>
