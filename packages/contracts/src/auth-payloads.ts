import { z } from 'zod'
import { PASSWORD_MAX_LENGTH, passwordLength } from './password-rules'
import { NUL_MESSAGE, WITHOUT_NUL } from './text'

/**
 * Bodies and answers of the seed's auth contract (design.md, "HTTP contract"):
 * POST /api/auth/register, POST /api/auth/login, GET /api/auth/me. The web app validates with
 * these; the browser forms use the same schemas. Register's body, which takes a new password, is
 * in ./password-bodies.ts with the other bodies that need the whole password policy.
 */

/** RFC 5321 caps a forward path at 254 characters. */
export const EMAIL_MAX_LENGTH = 254

/** An email address, trimmed and lower-cased before it is validated, stored or compared. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'Enter a valid email address' }).max(EMAIL_MAX_LENGTH))

/** A display name; optional at registration. */
export const nameSchema = z.string().trim().max(100).regex(WITHOUT_NUL, NUL_MESSAGE)

/**
 * Sign-in applies no composition rules (an account may predate them), only the length cap, so a
 * huge body is refused before anything is hashed.
 */
export const loginPasswordSchema = z
  .string()
  .min(1, { message: 'Enter your password' })
  .refine((password) => passwordLength(password) <= PASSWORD_MAX_LENGTH, {
    message: `At most ${PASSWORD_MAX_LENGTH} characters`,
  })

export const loginBodySchema = z.strictObject({
  email: emailSchema,
  password: loginPasswordSchema,
})
export type LoginBody = z.output<typeof loginBodySchema>

/** The user as the auth contract shows it: nothing more. */
export const authUserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  createdAt: z.iso.datetime(),
})
export type AuthUser = z.output<typeof authUserSchema>

/** 201 from register, 200 from login: the JWT for programs (browsers also get it as a cookie). */
export const authTokenResponseSchema = z.object({
  user: authUserSchema,
  token: z.string(),
  expiresAt: z.iso.datetime(),
})
export type AuthTokenResponse = z.output<typeof authTokenResponseSchema>

export const meResponseSchema = z.object({ user: authUserSchema })
export type MeResponse = z.output<typeof meResponseSchema>
