import type { ResetPasswordBody } from '@taskwise/contracts/password-bodies'
import { apiRequest } from '@/lib/api-client'

/**
 * POST /api/auth/reset-password: sets the new password (204). It does not sign in. The mailed
 * token travels in this body only.
 */
export async function resetPassword(body: ResetPasswordBody): Promise<void> {
  await apiRequest('/api/auth/reset-password', { method: 'POST', body })
}
