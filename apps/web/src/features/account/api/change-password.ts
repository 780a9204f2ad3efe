import type { ChangePasswordBody } from '@taskwise/contracts/password-bodies'
import { authTokenResponseSchema, type AuthTokenResponse } from '@taskwise/contracts/auth-payloads'
import { apiRequest } from '@/lib/api-client'

/**
 * POST /api/auth/change-password: the current session is replaced by a new one (fresh cookies
 * arrive with the answer), and the other sessions end unless `signOutOtherSessions` is false.
 */
export async function changePassword(body: ChangePasswordBody): Promise<AuthTokenResponse> {
  return authTokenResponseSchema.parse(
    await apiRequest('/api/auth/change-password', { method: 'POST', body }),
  )
}
