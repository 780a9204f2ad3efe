/**
 * Cache keys of the account security centre. Everything sits under `['account']`, so a change
 * that ends sessions or adds activity refreshes both lists with one invalidation.
 */
export const accountKeys = {
  all: ['account'] as const,
  sessions: ['account', 'sessions'] as const,
  activity: ['account', 'activity'] as const,
  twoFactor: ['account', 'two-factor'] as const,
  passkeys: ['account', 'passkeys'] as const,
}
