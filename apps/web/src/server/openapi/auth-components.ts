import {
  acceptedResponseSchema,
  activityListSchema,
  changeEmailBodySchema,
  confirmEmailBodySchema,
  confirmEmailResponseSchema,
  forgotPasswordBodySchema,
  linkTokenSchema,
  reauthenticateBodySchema,
  sessionListSchema,
} from '@taskwise/contracts/account'
import {
  authTokenResponseSchema,
  authUserSchema,
  emailSchema,
  loginBodySchema,
  loginPasswordSchema,
  meResponseSchema,
} from '@taskwise/contracts/auth-payloads'
import { healthResponseSchema, readyResponseSchema } from '@taskwise/contracts/health'
import {
  passkeyItemSchema,
  passkeyListSchema,
  passkeyRegistrationOptionsSchema,
  passkeyRenameBodySchema,
} from '@taskwise/contracts/passkeys'
import { passwordSchema } from '@taskwise/contracts/password'
import {
  changePasswordBodySchema,
  registerBodySchema,
  resetPasswordBodySchema,
} from '@taskwise/contracts/password-bodies'
import {
  backupCodesResponseSchema,
  loginResponseSchema,
  twoFactorChallengeSchema,
  twoFactorConfirmBodySchema,
  twoFactorDisableBodySchema,
  twoFactorEnrolmentSchema,
  twoFactorLoginBodySchema,
  twoFactorStatusSchema,
} from '@taskwise/contracts/two-factor'
import { problemSchema } from '@taskwise/contracts/problem'
import { z } from 'zod'

/**
 * The component schemas of the web app's auth contract document, generated from the zod schemas
 * in packages/contracts that the routes validate with (./auth-document.ts assembles the document).
 */

export const SCHEMA_REF = '#/components/schemas/'

/** Request bodies and the fields they share, as a client may send them. */
export const inputSchemas = {
  RegisterBody: registerBodySchema,
  LoginBody: loginBodySchema,
  ForgotPasswordBody: forgotPasswordBodySchema,
  ResetPasswordBody: resetPasswordBodySchema,
  ChangePasswordBody: changePasswordBodySchema,
  ChangeEmailBody: changeEmailBodySchema,
  ConfirmEmailBody: confirmEmailBodySchema,
  ReauthenticateBody: reauthenticateBodySchema,
  Email: emailSchema,
  NewPassword: passwordSchema,
  Password: loginPasswordSchema,
  LinkToken: linkTokenSchema,
  TwoFactorLoginBody: twoFactorLoginBodySchema,
  TwoFactorConfirmBody: twoFactorConfirmBodySchema,
  TwoFactorDisableBody: twoFactorDisableBodySchema,
  PasskeyRenameBody: passkeyRenameBodySchema,
}

/** What the schemas cannot say in JSON Schema (refinements), said in words. */
const descriptions: Record<string, string> = {
  Email: 'An email address; trimmed and lower-cased, at most 254 characters',
  NewPassword:
    'A new password: 8–128 characters with an uppercase and a lowercase letter, a digit and a special character, and not a common password. A 400 `password_policy` lists every unmet rule.',
  Password: 'The current password: 1–128 characters (only its length is checked)',
  LinkToken: 'The token of a mailed link',
  TwoFactorLoginBody:
    'Exactly one of `code` (6 digits from the authenticator app) and `backupCode`; `trustDevice` skips this step on this browser for 30 days',
}

/** Answers, as the routes write them. */
export const outputSchemas = {
  AuthUser: authUserSchema,
  AuthTokenResponse: authTokenResponseSchema,
  MeResponse: meResponseSchema,
  ConfirmEmailResponse: confirmEmailResponseSchema,
  Accepted: acceptedResponseSchema,
  SessionList: sessionListSchema,
  ActivityList: activityListSchema,
  LoginResponse: loginResponseSchema,
  TwoFactorChallenge: twoFactorChallengeSchema,
  TwoFactorEnrolment: twoFactorEnrolmentSchema,
  BackupCodesResponse: backupCodesResponseSchema,
  TwoFactorStatus: twoFactorStatusSchema,
  PasskeyItem: passkeyItemSchema,
  PasskeyList: passkeyListSchema,
  PasskeyRegistrationOptions: passkeyRegistrationOptionsSchema,
  Problem: problemSchema,
  Health: healthResponseSchema,
  Ready: readyResponseSchema,
}

export function componentSchemas(
  schemas: Record<string, z.ZodType>,
  io: 'input' | 'output',
): Record<string, unknown> {
  const registry = z.registry<{ id: string }>()
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id })
  const { schemas: generated } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io,
    // Refinements (the password rules, the length in code points) are described, not encoded.
    unrepresentable: 'any',
    uri: (id) => `${SCHEMA_REF}${id}`,
  })
  // Each comes out as a document of its own; in `components` it is a plain schema.
  return Object.fromEntries(
    Object.entries(generated).map(([id, { $schema: _schema, $id: _id, ...schema }]) => [
      id,
      descriptions[id] ? { description: descriptions[id], ...schema } : schema,
    ]),
  )
}
