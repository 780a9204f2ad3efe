import { body, passwordCheck, signedIn, type AuthOperation } from './operation-parts'

/** The second sign-in step and the two-factor settings routes (routes/second-factor.ts, two-factor.ts). */

const codeCheck = {
  429: 'Too many wrong passwords or codes for this account (with Retry-After)',
} as const

export const twoFactorOperations: AuthOperation[] = [
  {
    method: 'post',
    path: '/api/auth/login/two-factor',
    summary:
      'Finish a sign-in that answered `twoFactorRequired`: a code from the app or one backup code',
    signedIn: false,
    body: 'TwoFactorLoginBody',
    success: {
      status: 200,
      description:
        'Signed in, as login answers: the JWT, and the cookies (with `trustDevice`, also a 30-day trusted-device cookie)',
      schema: 'AuthTokenResponse',
      cookies: 'set',
    },
    problems: {
      ...body,
      400: 'Invalid fields, or a wrong or already used code (`invalid_code`)',
      401: 'No sign-in is waiting for a second factor on this browser, or it is over 10 minutes old (`two_factor_challenge_invalid`)',
      403: 'Not from this site: the step carries the pending sign-in cookie, so it needs a trusted Origin',
      ...codeCheck,
    },
  },
  {
    method: 'get',
    path: '/api/auth/two-factor',
    summary: 'Whether two-factor sign-in is on, and how many backup codes are left',
    signedIn: true,
    success: { status: 200, description: 'The state', schema: 'TwoFactorStatus' },
    problems: { 401: signedIn[401] },
  },
  {
    method: 'post',
    path: '/api/auth/two-factor/enable',
    summary: 'Start setting up an authenticator app: a new secret, not yet in force',
    signedIn: true,
    body: 'ReauthenticateBody',
    success: {
      status: 200,
      description: 'The secret in text and as an otpauth:// URI (for the QR code)',
      schema: 'TwoFactorEnrolment',
    },
    problems: {
      ...body,
      400: 'Invalid fields, or a wrong password (`invalid_password`)',
      ...signedIn,
      409: 'Two-factor sign-in is on already (`two_factor_enabled`)',
      ...passwordCheck,
    },
  },
  {
    method: 'post',
    path: '/api/auth/two-factor/confirm',
    summary: 'Turn two-factor sign-in on with a first code from the app',
    signedIn: true,
    body: 'TwoFactorConfirmBody',
    success: {
      status: 200,
      description: 'On; the ten backup codes, shown this once',
      schema: 'BackupCodesResponse',
    },
    problems: {
      ...body,
      400: 'Invalid fields, or a wrong or already used code (`invalid_code`)',
      ...signedIn,
      409: 'No set-up is waiting (`two_factor_not_pending`), or it is on already (`two_factor_enabled`)',
      ...codeCheck,
    },
  },
  {
    method: 'post',
    path: '/api/auth/two-factor/backup-codes',
    summary: 'Make ten new backup codes; the old ones stop working',
    signedIn: true,
    body: 'ReauthenticateBody',
    success: {
      status: 200,
      description: 'The new codes, shown this once',
      schema: 'BackupCodesResponse',
    },
    problems: {
      ...body,
      400: 'Invalid fields, or a wrong password (`invalid_password`)',
      ...signedIn,
      409: 'Two-factor sign-in is not on (`two_factor_not_enabled`)',
      ...passwordCheck,
    },
  },
  {
    method: 'post',
    path: '/api/auth/two-factor/disable',
    summary: 'Turn two-factor sign-in off: the password and a code from the app',
    signedIn: true,
    body: 'TwoFactorDisableBody',
    success: { status: 204, description: 'Off; trusted devices are forgotten' },
    problems: {
      ...body,
      400: 'Invalid fields, a wrong password (`invalid_password`) or a wrong code (`invalid_code`)',
      ...signedIn,
      409: 'Two-factor sign-in is not on (`two_factor_not_enabled`)',
      ...codeCheck,
    },
  },
]
