import type { ReauthenticateBody } from '@taskwise/contracts/account'
import {
  startAuthentication,
  startRegistration,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser'
import { apiRequest } from '@/lib/api-client'
import { apiErrorFrom } from '@/lib/problem-error'

/**
 * The two WebAuthn ceremonies in the browser (docs/decisions/0207): the options come from the
 * server, the browser (and its authenticator) answers through @simplewebauthn/browser, and Better
 * Auth's passkey routes verify the answer against the challenge held in a signed cookie.
 */

async function post(path: string, body: unknown): Promise<void> {
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw await apiErrorFrom(response)
}

/** Adds a passkey to the signed-in account: the password, then the authenticator. */
export async function addPasskey(body: ReauthenticateBody, name: string): Promise<void> {
  // The contract's schema loads when it is needed, not with the sign-in page (0312).
  const { passkeyRegistrationOptionsSchema } = await import('@taskwise/contracts/passkeys')
  const options = passkeyRegistrationOptionsSchema.parse(
    await apiRequest('/api/auth/passkeys/register-options', { method: 'POST', body }),
  )
  const response = await startRegistration({
    optionsJSON: options as unknown as PublicKeyCredentialCreationOptionsJSON,
  })
  await post('/api/auth/passkey/verify-registration', { response, name })
}

/**
 * The options of a passkey sign-in. Asking for them sets the challenge cookie that the answer is
 * checked against, so a later request's challenge replaces an earlier one's.
 */
export async function passkeySignInOptions(): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const options = await fetch('/api/auth/passkey/generate-authenticate-options', {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  })
  if (!options.ok) throw await apiErrorFrom(options)
  return (await options.json()) as PublicKeyCredentialRequestOptionsJSON
}

/**
 * Signs in with a passkey: session and JWT cookies arrive with the answer. With `autoFill`, the
 * browser offers the passkeys in the email field's suggestions (conditional mediation) and this
 * resolves only if the person picks one.
 */
export async function signInWithPasskey({
  autoFill = false,
  options,
}: { autoFill?: boolean; options?: Promise<PublicKeyCredentialRequestOptionsJSON> } = {}) {
  const optionsJSON = await (options ?? passkeySignInOptions())
  const response = await startAuthentication({ optionsJSON, useBrowserAutofill: autoFill })
  await post('/api/auth/passkey/verify-authentication', { response })
}
