import { randomBytes } from 'node:crypto'
import {
  changeEmailBodySchema,
  confirmEmailBodySchema,
  type AcceptedResponse,
} from '@taskwise/contracts/account'
import { schema } from '@taskwise/db/client'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { readJsonBody } from '../../http/json-body'
import { bodyFieldError, problemResponse } from '../../http/problem'
import { json } from '../../http/responses'
import { sendInBackground } from '../../mail/mailer'
import {
  confirmNewEmail,
  emailChanged,
  emailChangeRequestedNotice,
  emailChangeTargetTaken,
} from '../../mail/templates'
import { toAuthUser } from '../caller'
import { activityContextOf, type RouteContext, type RouteHandler } from './context'
import { reauthenticate } from './reauthenticate'

/**
 * A change of email (docs/decisions/0206-account-routes.md): asked for with the password, done
 * only when the link mailed to the new address is opened (a single-use token, 256 bits, stored as
 * a hash by Better Auth's verification table, valid 24 hours), and told to the old address both
 * when it is asked for and when it is done. Whether the new address already has an account is
 * never shown to the asker: that address gets a mail saying so instead of a link.
 */

const CONFIRM_TTL_MS = 24 * 60 * 60_000
const IDENTIFIER_PREFIX = 'change-email:'

const pendingChangeSchema = z.object({ userId: z.uuid(), newEmail: z.string() })

const ACCEPTED: AcceptedResponse = {
  message:
    'Open the link we sent to the new address to finish the change. Until then, the old address stays.',
}

/** The verification row's value: who asked, for which address. Deleted with the account. */
export function pendingChangeValue(userId: string, newEmail: string): string {
  return JSON.stringify({ userId, newEmail })
}

/** POST /api/auth/change-email `{newEmail, password}` → 202. */
export function changeEmail(context: RouteContext): RouteHandler {
  const { taskwise } = context
  const { auth, config, db, logger, mailer } = taskwise
  return async (request) => {
    const checked = await reauthenticate(context, request, changeEmailBodySchema, 'password')
    if (!checked.ok) return checked.response
    const { caller } = checked
    const { newEmail } = checked.body
    if (newEmail === caller.user.email) {
      return problemResponse('same_email', 'This is already the address of the account.', {
        errors: [bodyFieldError('newEmail', 'same_email', 'This is already your email address')],
      })
    }

    const taken = (await db.$count(schema.user, eq(schema.user.email, newEmail))) > 0
    if (taken) {
      sendInBackground(
        mailer,
        { to: newEmail, ...emailChangeTargetTaken({ appUrl: config.baseUrl }) },
        logger,
      )
    } else {
      const token = randomBytes(32).toString('base64url')
      const authContext = await auth.$context
      await authContext.internalAdapter.createVerificationValue({
        identifier: `${IDENTIFIER_PREFIX}${token}`,
        value: pendingChangeValue(caller.user.id, newEmail),
        expiresAt: new Date(Date.now() + CONFIRM_TTL_MS),
      })
      const url = new URL('/confirm-email', config.baseUrl)
      url.searchParams.set('token', token)
      sendInBackground(
        mailer,
        { to: newEmail, ...confirmNewEmail({ url: url.href, expiresInMinutes: 24 * 60 }) },
        logger,
      )
    }
    sendInBackground(
      mailer,
      {
        to: caller.user.email,
        ...emailChangeRequestedNotice({ newEmail, at: new Date(), appUrl: config.baseUrl }),
      },
      logger,
    )
    await taskwise.activity.record(
      caller.user.id,
      'email_change_requested',
      activityContextOf(request),
    )
    return json(ACCEPTED, 202)
  }
}

/** POST /api/auth/change-email/confirm `{token}` → 200 `{user}`; works once, signed in or not. */
export function confirmEmail({ taskwise }: RouteContext): RouteHandler {
  const { auth, db, logger, mailer } = taskwise
  const invalid = () =>
    problemResponse(
      'email_token_invalid',
      'This confirmation link is not valid any more: it was used, or it is older than 24 hours.',
    )
  return async (request) => {
    const body = await readJsonBody(request, confirmEmailBodySchema)
    if (!body.ok) return body.response
    const authContext = await auth.$context
    const verification = await authContext.internalAdapter.consumeVerificationValue(
      `${IDENTIFIER_PREFIX}${body.value.token}`,
    )
    const pending = pendingChangeSchema.safeParse(parseJson(verification?.value))
    if (!pending.success) return invalid()
    const { userId, newEmail } = pending.data
    const [before] = await db.select().from(schema.user).where(eq(schema.user.id, userId))
    if (!before) return invalid()
    let updated
    try {
      ;[updated] = await db
        .update(schema.user)
        .set({ email: newEmail })
        .where(eq(schema.user.id, userId))
        .returning()
    } catch (error) {
      if (isUniqueViolation(error)) {
        return problemResponse(
          'email_taken',
          'Another account took this address in the meantime; the email was not changed.',
        )
      }
      throw error
    }
    if (!updated) return invalid()
    sendInBackground(
      mailer,
      {
        to: before.email,
        ...emailChanged({ newEmail, at: new Date(), appUrl: taskwise.config.baseUrl }),
      },
      logger,
    )
    await taskwise.activity.record(userId, 'email_changed', activityContextOf(request))
    logger.info('email changed', { event: 'auth.email_changed', userId })
    return json({ user: toAuthUser(updated) }, 200)
  }
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return null
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

/** PostgreSQL's unique_violation, as node-postgres raises it (Drizzle wraps it as `cause`). */
function isUniqueViolation(error: unknown): boolean {
  const codeOf = (value: unknown) =>
    typeof value === 'object' && value !== null ? (value as { code?: unknown }).code : undefined
  return (
    codeOf(error) === '23505' ||
    codeOf(
      typeof error === 'object' && error !== null ? (error as { cause?: unknown }).cause : null,
    ) === '23505'
  )
}
