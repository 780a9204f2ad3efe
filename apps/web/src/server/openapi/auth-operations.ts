/**
 * The auth contract routes of the web app, as ./auth-document.ts writes them into OpenAPI: one
 * entry per route, with the statuses it really answers (read from server/auth/routes/*.ts and
 * server/http/json-body.ts). A route that reads a JSON body answers 415, 413 and 400 before it
 * looks at the body's fields; a route that needs a signed-in caller answers 401 (and 403 for a
 * cookie-carrying change from another origin) before it reads the body; a route that goes
 * through Better Auth may pass on its 403 (cross-site cookies) and 429 (rate limit).
 */

import { passkeyOperations } from './passkey-operations'
import { twoFactorOperations } from './two-factor-operations'
import {
  body,
  nativeRefusals,
  passwordCheck,
  signedIn,
  type AuthOperation,
} from './operation-parts'

export type { AuthOperation } from './operation-parts'

const accountOperations: AuthOperation[] = [
  {
    method: 'post',
    path: '/api/auth/register',
    summary: 'Create an account and sign in',
    signedIn: false,
    body: 'RegisterBody',
    success: {
      status: 201,
      description: 'Signed up and signed in: the JWT for programs, and the cookies for browsers',
      schema: 'AuthTokenResponse',
      cookies: 'set',
    },
    problems: {
      ...body,
      400: 'Invalid JSON or fields; `password_policy` lists every unmet password rule',
      ...nativeRefusals,
      409: 'An account with this email address exists (`email_taken`)',
    },
  },
  {
    method: 'post',
    path: '/api/auth/login',
    summary: 'Sign in with email and password',
    signedIn: false,
    body: 'LoginBody',
    success: {
      status: 200,
      description:
        'Signed in: the JWT for programs, and the cookies for browsers. For an account with two-factor sign-in on: `{twoFactorRequired: true, methods}`, no session, no JWT, only the pending-state cookie; POST /api/auth/login/two-factor finishes it',
      schema: 'LoginResponse',
      cookies: 'set',
    },
    problems: {
      ...body,
      401: 'The same answer for an unknown email and a wrong password (`invalid_credentials`)',
      ...nativeRefusals,
      429: 'Too many attempts from this address or for this account (with Retry-After)',
    },
  },
  {
    method: 'post',
    path: '/api/auth/logout',
    summary: 'Sign out: the session ends and every auth cookie is cleared (no body)',
    signedIn: false,
    success: { status: 204, description: 'Signed out (or was not signed in)', cookies: 'cleared' },
    problems: nativeRefusals,
  },
  {
    method: 'get',
    path: '/api/auth/me',
    summary: 'The signed-in user',
    signedIn: true,
    success: { status: 200, description: 'The user', schema: 'MeResponse' },
    problems: { 401: signedIn[401] },
  },
  {
    method: 'post',
    path: '/api/auth/forgot-password',
    summary: 'Mail a reset link; the same answer whether or not the address has an account',
    signedIn: false,
    body: 'ForgotPasswordBody',
    success: { status: 202, description: 'Accepted', schema: 'Accepted' },
    problems: {
      ...body,
      ...nativeRefusals,
      429: 'Too many links asked for this address, or too many requests (with Retry-After)',
    },
  },
  {
    method: 'post',
    path: '/api/auth/reset-password',
    summary: 'Set a new password with the mailed token; sign in afterwards',
    signedIn: false,
    body: 'ResetPasswordBody',
    success: { status: 204, description: 'The password is changed' },
    problems: {
      ...body,
      400: 'Invalid fields, an unmet password rule (`password_policy`), or a used or expired token (`reset_token_invalid`)',
      ...nativeRefusals,
    },
  },
  {
    method: 'post',
    path: '/api/auth/change-password',
    summary: 'Change the password; the session is replaced, others end unless asked not to',
    signedIn: true,
    body: 'ChangePasswordBody',
    success: {
      status: 200,
      description: 'A new session: its JWT, and the cookies',
      schema: 'AuthTokenResponse',
      cookies: 'set',
    },
    problems: {
      ...body,
      400: 'Invalid fields, an unmet password rule, or a wrong current password (`invalid_password`)',
      ...signedIn,
      ...passwordCheck,
    },
  },
  {
    method: 'post',
    path: '/api/auth/change-email',
    summary: 'Ask to change the email address: a link goes to the new one',
    signedIn: true,
    body: 'ChangeEmailBody',
    success: { status: 202, description: 'Accepted', schema: 'Accepted' },
    problems: {
      ...body,
      400: 'Invalid fields, a wrong password (`invalid_password`), or the current address (`same_email`)',
      ...signedIn,
      ...passwordCheck,
    },
  },
  {
    method: 'post',
    path: '/api/auth/change-email/confirm',
    summary: 'Confirm a change of email with the mailed token (signed in or not)',
    signedIn: false,
    body: 'ConfirmEmailBody',
    success: {
      status: 200,
      description: 'The user, with the new address',
      schema: 'ConfirmEmailResponse',
    },
    problems: {
      ...body,
      400: 'Invalid fields, or a used or expired token (`email_token_invalid`)',
      409: 'Another account took the address in the meantime (`email_taken`)',
    },
  },
  {
    method: 'get',
    path: '/api/auth/sessions',
    summary: 'Where you are signed in: this device first, then the most recently active',
    signedIn: true,
    success: { status: 200, description: 'The sessions', schema: 'SessionList' },
    problems: { 401: signedIn[401] },
  },
  {
    method: 'post',
    path: '/api/auth/sessions/{id}/revoke',
    summary: 'End one of your sessions (the current one too)',
    signedIn: true,
    body: 'ReauthenticateBody',
    success: {
      status: 204,
      description: 'The session has ended',
      cookies: 'cleared when the current session ends',
    },
    problems: {
      ...body,
      400: 'Invalid fields, or a wrong password (`invalid_password`)',
      ...signedIn,
      404: 'No such session of yours',
      ...passwordCheck,
    },
  },
  {
    method: 'post',
    path: '/api/auth/sessions/revoke-others',
    summary: 'End every session but this one',
    signedIn: true,
    body: 'ReauthenticateBody',
    success: { status: 204, description: 'The other sessions have ended' },
    problems: {
      ...body,
      400: 'Invalid fields, or a wrong password (`invalid_password`)',
      ...signedIn,
      ...passwordCheck,
    },
  },
  {
    method: 'get',
    path: '/api/auth/activity',
    summary: 'What happened to the account in the last 90 days, newest first',
    signedIn: true,
    success: { status: 200, description: 'The activity', schema: 'ActivityList' },
    problems: { 401: signedIn[401] },
  },
  {
    method: 'post',
    path: '/api/auth/delete-account',
    summary: 'Delete the account, its tasks and sessions; every cookie is cleared',
    signedIn: true,
    body: 'ReauthenticateBody',
    success: { status: 204, description: 'The account is gone', cookies: 'cleared' },
    problems: {
      ...body,
      400: 'Invalid fields, or a wrong password (`invalid_password`)',
      ...signedIn,
      ...passwordCheck,
    },
  },
]

export const authOperations: AuthOperation[] = [
  ...accountOperations,
  ...twoFactorOperations,
  ...passkeyOperations,
]
