import { z } from 'zod'
import { reauthenticateBodySchema } from './account'
import { authTokenResponseSchema, loginPasswordSchema } from './auth-payloads'

/**
 * Bodies and answers of two-factor sign-in (docs/decisions/0207-two-factor-sign-in.md): the
 * authenticator app (TOTP, RFC 6238, 6 digits, 30 s), ten single-use backup codes, and the second
 * step of the sign-in. The settings page and the sign-in form validate with these same schemas.
 */

/** How many backup codes a person gets at once. */
export const BACKUP_CODE_COUNT = 10

/** A code from the authenticator app: six digits (spaces typed between them are ignored). */
export const totpCodeSchema = z
  .string()
  .transform((value) => value.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, { message: 'Enter the 6-digit code from your app' }))

/** A backup code as typed: case, spaces and dashes do not matter. */
export const backupCodeSchema = z
  .string()
  .transform((value) => value.replace(/[\s-]+/g, '').toLowerCase())
  .pipe(
    z
      .string()
      .min(1, { message: 'Enter one of your backup codes' })
      .max(32, { message: 'This is not a backup code' })
      .regex(/^[a-z0-9]+$/, { message: 'This is not a backup code' }),
  )

/** The ways a sign-in can be completed, as the first step names them. */
export const SECOND_FACTOR_METHODS = ['totp', 'backup_code'] as const
export type SecondFactorMethod = (typeof SECOND_FACTOR_METHODS)[number]

/**
 * 200 from POST /api/auth/login for an account with two-factor sign-in on: the password was
 * right, no session exists yet, and POST /api/auth/login/two-factor finishes the sign-in.
 */
export const twoFactorChallengeSchema = z.object({
  twoFactorRequired: z.literal(true),
  methods: z.array(z.enum(SECOND_FACTOR_METHODS)),
})
export type TwoFactorChallenge = z.output<typeof twoFactorChallengeSchema>

/** 200 from POST /api/auth/login: signed in, or the second step to take. */
export const loginResponseSchema = z.union([authTokenResponseSchema, twoFactorChallengeSchema])
export type LoginResponse = z.output<typeof loginResponseSchema>

/**
 * POST /api/auth/login/two-factor: a code from the app or one backup code (exactly one), and
 * whether to skip this step on this browser for 30 days.
 */
export const twoFactorLoginBodySchema = z
  .strictObject({
    code: totpCodeSchema.optional(),
    backupCode: backupCodeSchema.optional(),
    trustDevice: z.boolean().optional(),
  })
  .superRefine((body, ctx) => {
    if ((body.code === undefined) === (body.backupCode === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['code'],
        message: 'Send either `code` (from the app) or `backupCode`, not both',
      })
    }
  })
export type TwoFactorLoginBody = z.output<typeof twoFactorLoginBodySchema>

/** POST /api/auth/two-factor/enable `{password}`. */
export const twoFactorEnableBodySchema = reauthenticateBodySchema

/** 200 from enable: the new secret, in text and as an otpauth:// URI (the QR code shows it). */
export const twoFactorEnrolmentSchema = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
})
export type TwoFactorEnrolment = z.output<typeof twoFactorEnrolmentSchema>

/** POST /api/auth/two-factor/confirm `{code}`: the first code turns two-factor sign-in on. */
export const twoFactorConfirmBodySchema = z.strictObject({ code: totpCodeSchema })
export type TwoFactorConfirmBody = z.output<typeof twoFactorConfirmBodySchema>

/** POST /api/auth/two-factor/disable `{password, code}`: the password and a code from the app. */
export const twoFactorDisableBodySchema = z.strictObject({
  password: loginPasswordSchema,
  code: totpCodeSchema,
})
export type TwoFactorDisableBody = z.output<typeof twoFactorDisableBodySchema>

/** POST /api/auth/two-factor/backup-codes `{password}`: a new set replaces the old. */
export const backupCodesBodySchema = reauthenticateBodySchema

/** The backup codes, shown this once: only their hashes are kept. */
export const backupCodesResponseSchema = z.object({
  backupCodes: z.array(z.string()).length(BACKUP_CODE_COUNT),
})
export type BackupCodesResponse = z.output<typeof backupCodesResponseSchema>

/** GET /api/auth/two-factor: whether it is on, and how many backup codes are left. */
export const twoFactorStatusSchema = z.object({
  enabled: z.boolean(),
  backupCodesLeft: z.number().int().min(0),
})
export type TwoFactorStatus = z.output<typeof twoFactorStatusSchema>
