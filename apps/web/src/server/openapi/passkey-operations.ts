import { body, passwordCheck, signedIn, type AuthOperation } from './operation-parts'

/**
 * The passkey routes around Better Auth's passkey plugin (routes/passkeys.ts). The ceremonies'
 * other halves are Better Auth's own routes (POST /api/auth/passkey/verify-registration, GET
 * /api/auth/passkey/generate-authenticate-options, POST /api/auth/passkey/verify-authentication),
 * which are not in this document.
 */

const passkeyId = 'The id of one of your passkeys, from GET /api/auth/passkeys (404 for any other)'

export const passkeyOperations: AuthOperation[] = [
  {
    method: 'get',
    path: '/api/auth/passkeys',
    summary: 'Your passkeys, oldest first (never their keys)',
    signedIn: true,
    success: { status: 200, description: 'The passkeys', schema: 'PasskeyList' },
    problems: { 401: signedIn[401] },
  },
  {
    method: 'post',
    path: '/api/auth/passkeys/register-options',
    summary:
      'Start adding a passkey: the WebAuthn creation options, and the challenge in a signed cookie (then POST /api/auth/passkey/verify-registration `{response, name}`)',
    signedIn: true,
    body: 'ReauthenticateBody',
    success: {
      status: 200,
      description: 'The options for navigator.credentials.create',
      schema: 'PasskeyRegistrationOptions',
      cookies: 'set',
    },
    problems: {
      ...body,
      400: 'Invalid fields, or a wrong password (`invalid_password`)',
      ...signedIn,
      ...passwordCheck,
    },
  },
  {
    method: 'post',
    path: '/api/auth/passkeys/{id}/rename',
    summary: 'Give a passkey a name',
    signedIn: true,
    body: 'PasskeyRenameBody',
    pathParameter: passkeyId,
    success: { status: 200, description: 'The passkey', schema: 'PasskeyItem' },
    problems: { ...body, ...signedIn, 404: 'No such passkey of yours' },
  },
  {
    method: 'post',
    path: '/api/auth/passkeys/{id}/remove',
    summary: 'Remove a passkey: it signs in no more (recorded and mailed)',
    signedIn: true,
    body: 'ReauthenticateBody',
    pathParameter: passkeyId,
    success: { status: 204, description: 'The passkey is gone' },
    problems: {
      ...body,
      400: 'Invalid fields, or a wrong password (`invalid_password`)',
      ...signedIn,
      404: 'No such passkey of yours',
      ...passwordCheck,
    },
  },
]
