import { passkey, type PasskeyOptions } from '@better-auth/passkey'
import { APIError } from 'better-auth/api'

/**
 * Better Auth's passkey plugin as Taskwise configures it (docs/decisions/0207): the relying party
 * is the app's own host and origin (never the request's), every passkey is discoverable (so the
 * sign-in page can offer it without an address) and must verify its user (PIN or biometrics), so
 * that a passkey sign-in is itself two factors. The plugin asks for verification only as
 * "preferred" when signing in (passkey-hooks.ts makes the options say "required"); the checks
 * below refuse an assertion without it whatever the browser was told.
 */
export function taskwisePasskeys(baseUrl: string) {
  const options: PasskeyOptions = {
    rpID: new URL(baseUrl).hostname,
    rpName: 'Taskwise',
    origin: baseUrl,
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    registration: {
      afterVerification: ({ verification }) => {
        if (!verification.registrationInfo?.userVerified) throw unverified()
      },
    },
    authentication: {
      afterVerification: ({ verification }) => {
        if (!verification.authenticationInfo.userVerified) throw unverified()
      },
    },
  }
  return passkey(options)
}

function unverified(): APIError {
  return new APIError('UNAUTHORIZED', {
    code: 'USER_NOT_VERIFIED',
    message: 'The passkey did not verify its user (PIN or biometrics).',
  })
}
