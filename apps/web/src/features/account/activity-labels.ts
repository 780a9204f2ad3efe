import type { ActivityType } from '@taskwise/contracts/account'

/** What each kind of account activity is called on the settings page. */
export const ACTIVITY_LABELS: Record<ActivityType, string> = {
  sign_up: 'Account created',
  sign_in: 'Signed in',
  sign_in_failed: 'Failed sign-in attempt',
  sign_out: 'Signed out',
  password_changed: 'Password changed',
  password_reset_requested: 'Password reset link requested',
  password_reset: 'Password reset by email link',
  email_change_requested: 'Email address change requested',
  email_changed: 'Email address changed',
  session_revoked: 'A device was signed out',
  other_sessions_revoked: 'All other devices were signed out',
  two_factor_enabled: 'Two-factor sign-in turned on',
  two_factor_disabled: 'Two-factor sign-in turned off',
  backup_codes_regenerated: 'New backup codes made',
  backup_code_used: 'A backup code was used to sign in',
  passkey_added: 'Passkey added',
  passkey_removed: 'Passkey removed',
}
