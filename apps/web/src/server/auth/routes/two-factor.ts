import {
  backupCodesBodySchema,
  twoFactorConfirmBodySchema,
  twoFactorDisableBodySchema,
  twoFactorEnableBodySchema,
  type BackupCodesResponse,
  type TwoFactorEnrolment,
} from '@taskwise/contracts/two-factor'
import { schema } from '@taskwise/db/client'
import { eq } from 'drizzle-orm'
import { readJsonBody } from '../../http/json-body'
import { problemResponse } from '../../http/problem'
import { json, noContent } from '../../http/responses'
import { hashBackupCodes, newBackupCodes } from '../two-factor/backup-codes'
import { notifySignInChange } from '../two-factor/notify'
import { forgetTimeSteps } from '../two-factor/replay-guard'
import { type CodeCheck } from '../two-factor/store'
import { newTotpSecret, otpauthUri } from '../two-factor/totp'
import { forgetTrustedDevices } from '../two-factor/trusted-device'
import { activityContextOf, type RouteContext, type RouteHandler } from './context'
import { reauthenticate } from './reauthenticate'

/**
 * Two-factor sign-in in the settings page: its state, setting up the authenticator (password,
 * then a first code), new backup codes (password), and turning it off (password and a code).
 * docs/decisions/0207-two-factor-sign-in.md.
 */

/** The answer to a code that was refused: wrong (or used before), or too many attempts. */
export function codeRefusal(check: Extract<CodeCheck, { ok: false }>, field: string): Response {
  if (check.reason === 'locked') {
    return problemResponse(
      'account_locked',
      'Too many attempts for this account. Try again after the time given in Retry-After.',
      { headers: { 'retry-after': String(check.retryAfterSeconds ?? 60) } },
    )
  }
  return problemResponse(
    'invalid_code',
    'The code is not correct, or it was used already. Wait for the next code and try again.',
    { errors: [{ location: 'body', path: field, code: 'invalid_code', message: 'Wrong code' }] },
  )
}

/** GET /api/auth/two-factor → 200 `{enabled, backupCodesLeft}`. */
export function twoFactorStatus({ callers, twoFactor }: RouteContext): RouteHandler {
  return async (request) => {
    const found = await callers.authenticate(request)
    if (!found.ok) return found.response
    return json(await twoFactor.status(found.caller.user.id), 200)
  }
}

/**
 * POST /api/auth/two-factor/enable `{password}` → 200 `{secret, otpauthUri}`: a new secret, not
 * yet in force (409 when two-factor sign-in is on already). Asking again replaces it.
 */
export function enableTwoFactor(context: RouteContext): RouteHandler {
  const { taskwise, twoFactor } = context
  return async (request) => {
    const checked = await reauthenticate(context, request, twoFactorEnableBodySchema, 'password')
    if (!checked.ok) return checked.response
    const { user } = checked.caller
    const existing = await twoFactor.find(user.id)
    if (existing?.verified === true) {
      return problemResponse('two_factor_enabled', 'Two-factor sign-in is on already.')
    }
    const secret = newTotpSecret()
    const values = { secret: await twoFactor.encryptSecret(secret), backupCodes: '[]' }
    if (existing) {
      await taskwise.db
        .update(schema.twoFactor)
        .set({ ...values, verified: false })
        .where(eq(schema.twoFactor.id, existing.id))
    } else {
      await taskwise.db
        .insert(schema.twoFactor)
        .values({ ...values, userId: user.id, verified: false })
    }
    const body: TwoFactorEnrolment = { secret, otpauthUri: otpauthUri(secret, user.email) }
    return json(body, 200)
  }
}

/** New backup codes for `userId`, stored as hashes; the codes themselves, to show once. */
async function replaceBackupCodes(context: RouteContext, userId: string): Promise<string[]> {
  const codes = newBackupCodes()
  const { password } = await context.taskwise.auth.$context
  await context.taskwise.db
    .update(schema.twoFactor)
    .set({ backupCodes: await hashBackupCodes(password, codes) })
    .where(eq(schema.twoFactor.userId, userId))
  return codes
}

/**
 * POST /api/auth/two-factor/confirm `{code}` → 200 `{backupCodes}`: the first code from the app
 * turns two-factor sign-in on; the ten backup codes are shown this once.
 */
export function confirmTwoFactor(context: RouteContext): RouteHandler {
  const { taskwise, callers, twoFactor } = context
  return async (request) => {
    const found = await callers.authenticate(request)
    if (!found.ok) return found.response
    const body = await readJsonBody(request, twoFactorConfirmBodySchema)
    if (!body.ok) return body.response
    const { user } = found.caller
    const pending = await twoFactor.find(user.id)
    if (pending?.verified !== false) {
      return pending
        ? problemResponse('two_factor_enabled', 'Two-factor sign-in is on already.')
        : problemResponse('two_factor_not_pending', 'Start the set-up again: no secret is waiting.')
    }
    const check = await twoFactor.checkTotp(user, body.value.code, { pending: true })
    if (!check.ok) return codeRefusal(check, 'code')
    const backupCodes = await replaceBackupCodes(context, user.id)
    await taskwise.db.transaction(async (tx) => {
      await tx
        .update(schema.twoFactor)
        .set({ verified: true })
        .where(eq(schema.twoFactor.userId, user.id))
      await tx
        .update(schema.user)
        .set({ twoFactorEnabled: true })
        .where(eq(schema.user.id, user.id))
    })
    await notifySignInChange(taskwise, request, user, 'two_factor_enabled', 'two-factor-enabled')
    const answer: BackupCodesResponse = { backupCodes }
    return json(answer, 200)
  }
}

/** POST /api/auth/two-factor/backup-codes `{password}` → 200 `{backupCodes}`: the old ones end. */
export function regenerateBackupCodes(context: RouteContext): RouteHandler {
  const { taskwise, twoFactor } = context
  return async (request) => {
    const checked = await reauthenticate(context, request, backupCodesBodySchema, 'password')
    if (!checked.ok) return checked.response
    const { user } = checked.caller
    if (!(await twoFactor.status(user.id)).enabled) {
      return problemResponse('two_factor_not_enabled', 'Two-factor sign-in is not on.')
    }
    const backupCodes = await replaceBackupCodes(context, user.id)
    await taskwise.activity.record(user.id, 'backup_codes_regenerated', activityContextOf(request))
    const answer: BackupCodesResponse = { backupCodes }
    return json(answer, 200)
  }
}

/** POST /api/auth/two-factor/disable `{password, code}` → 204: the password and a code from the app. */
export function disableTwoFactor(context: RouteContext): RouteHandler {
  const { taskwise, twoFactor } = context
  return async (request) => {
    const checked = await reauthenticate(context, request, twoFactorDisableBodySchema, 'password')
    if (!checked.ok) return checked.response
    const { user } = checked.caller
    if (!(await twoFactor.status(user.id)).enabled) {
      return problemResponse('two_factor_not_enabled', 'Two-factor sign-in is not on.')
    }
    const check = await twoFactor.checkTotp(user, checked.body.code)
    if (!check.ok) return codeRefusal(check, 'code')
    await taskwise.db.transaction(async (tx) => {
      await tx.delete(schema.twoFactor).where(eq(schema.twoFactor.userId, user.id))
      await tx
        .update(schema.user)
        .set({ twoFactorEnabled: false })
        .where(eq(schema.user.id, user.id))
    })
    await forgetTimeSteps(taskwise.db, user.id)
    await forgetTrustedDevices(taskwise.db, user.id)
    await notifySignInChange(taskwise, request, user, 'two_factor_disabled', 'two-factor-disabled')
    return noContent()
  }
}
