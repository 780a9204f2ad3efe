import type { ReauthenticateBody } from '@taskwise/contracts/account'
import { apiRequest } from '@/lib/api-client'

/** POST /api/auth/delete-account: the account and its tasks are gone, cookies cleared (204). */
export async function deleteAccount(body: ReauthenticateBody): Promise<void> {
  await apiRequest('/api/auth/delete-account', { method: 'POST', body })
}
