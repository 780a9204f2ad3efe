import { reauthenticateBodySchema } from '@taskwise/contracts/account'
import {
  passkeyRenameBodySchema,
  type PasskeyItem,
  type PasskeyList,
} from '@taskwise/contracts/passkeys'
import { getAuthenticatorName } from '@better-auth/passkey'
import { schema } from '@taskwise/db/client'
import { and, asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { readJsonBody } from '../../http/json-body'
import { problemResponse } from '../../http/problem'
import { json, noContent, setCookiesOf } from '../../http/responses'
import { notifySignInChange } from '../two-factor/notify'
import { type RouteContext, type RouteHandler } from './context'
import { reauthenticate } from './reauthenticate'

/**
 * Passkeys in the settings page (docs/decisions/0207-two-factor-sign-in.md): the list, a name,
 * removal (with the password: it changes how the account signs in), and the start of adding one
 * (with the password), whose second half is Better Auth's POST /api/auth/passkey/verify-registration.
 */

type PasskeyRow = typeof schema.passkey.$inferSelect

function toItem(row: PasskeyRow): PasskeyItem {
  return {
    id: row.id,
    name: row.name ?? null,
    provider: getAuthenticatorName(row.aaguid ?? undefined) ?? null,
    backedUp: row.backedUp,
    createdAt: row.createdAt ? row.createdAt.toISOString() : null,
  }
}

/** GET /api/auth/passkeys → 200 `{items}`, oldest first. */
export function listPasskeys({ taskwise, callers }: RouteContext): RouteHandler {
  return async (request) => {
    const found = await callers.authenticate(request)
    if (!found.ok) return found.response
    const rows = await taskwise.db
      .select()
      .from(schema.passkey)
      .where(eq(schema.passkey.userId, found.caller.user.id))
      .orderBy(asc(schema.passkey.createdAt))
    const body: PasskeyList = { items: rows.map(toItem) }
    return json(body, 200)
  }
}

/**
 * POST /api/auth/passkeys/register-options `{password}` → 200: the WebAuthn creation options,
 * and the signed cookie that holds the challenge for the verification (5 minutes).
 */
export function passkeyRegisterOptions(context: RouteContext): RouteHandler {
  const { native } = context
  return async (request) => {
    const checked = await reauthenticate(context, request, reauthenticateBodySchema, 'password')
    if (!checked.ok) return checked.response
    const name = encodeURIComponent(checked.caller.user.email)
    const response = await native.callBetterAuth(
      request,
      `/passkey/generate-register-options?name=${name}`,
      'GET',
    )
    if (!response.ok) {
      // Signed in with a Bearer token only: a passkey belongs to a browser's session.
      if (response.status === 401) {
        return problemResponse('invalid_token', 'Add a passkey from a signed-in browser.', {
          headers: { 'www-authenticate': 'Bearer' },
        })
      }
      return native.passThroughError(response)
    }
    return json(await response.json(), 200, setCookiesOf(response))
  }
}

/** The person's passkey `id`, or null (someone else's is as missing as one that never was). */
async function ownPasskey(context: RouteContext, userId: string, id: string) {
  const parsed = z.uuid().safeParse(id)
  if (!parsed.success) return null
  const [row] = await context.taskwise.db
    .select()
    .from(schema.passkey)
    .where(and(eq(schema.passkey.id, parsed.data), eq(schema.passkey.userId, userId)))
    .limit(1)
  return row ?? null
}

const noSuchPasskey = () => problemResponse('not_found', 'There is no such passkey.')

/** POST /api/auth/passkeys/{id}/rename `{name}` → 200 the passkey. */
export function renamePasskey(context: RouteContext) {
  const { taskwise, callers } = context
  return async (request: Request, id: string): Promise<Response> => {
    const found = await callers.authenticate(request)
    if (!found.ok) return found.response
    const body = await readJsonBody(request, passkeyRenameBodySchema)
    if (!body.ok) return body.response
    const row = await ownPasskey(context, found.caller.user.id, id)
    if (!row) return noSuchPasskey()
    const [renamed] = await taskwise.db
      .update(schema.passkey)
      .set({ name: body.value.name })
      .where(eq(schema.passkey.id, row.id))
      .returning()
    return renamed ? json(toItem(renamed), 200) : noSuchPasskey()
  }
}

/** POST /api/auth/passkeys/{id}/remove `{password}` → 204; recorded and mailed. */
export function removePasskey(context: RouteContext) {
  const { taskwise } = context
  return async (request: Request, id: string): Promise<Response> => {
    const checked = await reauthenticate(context, request, reauthenticateBodySchema, 'password')
    if (!checked.ok) return checked.response
    const { user } = checked.caller
    const row = await ownPasskey(context, user.id, id)
    if (!row) return noSuchPasskey()
    await taskwise.db.delete(schema.passkey).where(eq(schema.passkey.id, row.id))
    await notifySignInChange(taskwise, request, user, 'passkey_removed', 'passkey-removed')
    return noContent()
  }
}
