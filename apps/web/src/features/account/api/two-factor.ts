import type { ReauthenticateBody } from '@taskwise/contracts/account'
import {
  backupCodesResponseSchema,
  twoFactorEnrolmentSchema,
  twoFactorStatusSchema,
  type TwoFactorConfirmBody,
  type TwoFactorDisableBody,
  type TwoFactorEnrolment,
  type TwoFactorStatus,
} from '@taskwise/contracts/two-factor'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiRequest } from '@/lib/api-client'
import { accountKeys } from './query-keys'

/** GET /api/auth/two-factor: whether it is on, and how many backup codes are left. */
export async function getTwoFactorStatus(signal?: AbortSignal): Promise<TwoFactorStatus> {
  return twoFactorStatusSchema.parse(
    await apiRequest('/api/auth/two-factor', signal ? { signal } : {}),
  )
}

export const twoFactorQueryOptions = queryOptions({
  queryKey: accountKeys.twoFactor,
  queryFn: ({ signal }) => getTwoFactorStatus(signal),
})

export function useTwoFactorStatus() {
  return useQuery(twoFactorQueryOptions)
}

/** POST /api/auth/two-factor/enable: a new secret (not yet in force). */
export async function enableTwoFactor(body: ReauthenticateBody): Promise<TwoFactorEnrolment> {
  return twoFactorEnrolmentSchema.parse(
    await apiRequest('/api/auth/two-factor/enable', { method: 'POST', body }),
  )
}

/** POST /api/auth/two-factor/confirm: on; the backup codes, shown once. */
export async function confirmTwoFactor(body: TwoFactorConfirmBody): Promise<string[]> {
  return backupCodesResponseSchema.parse(
    await apiRequest('/api/auth/two-factor/confirm', { method: 'POST', body }),
  ).backupCodes
}

/** POST /api/auth/two-factor/backup-codes: ten new codes; the old ones stop working. */
export async function regenerateBackupCodes(body: ReauthenticateBody): Promise<string[]> {
  return backupCodesResponseSchema.parse(
    await apiRequest('/api/auth/two-factor/backup-codes', { method: 'POST', body }),
  ).backupCodes
}

/** POST /api/auth/two-factor/disable: off (the password and a code). */
export async function disableTwoFactor(body: TwoFactorDisableBody): Promise<void> {
  await apiRequest('/api/auth/two-factor/disable', { method: 'POST', body })
}
