import type { ReauthenticateBody } from '@taskwise/contracts/account'
import { apiRequest } from '@/lib/api-client'

/** POST /api/auth/sessions/{id}/revoke: ends one other session (204); needs the password. */
export async function revokeSession(id: string, body: ReauthenticateBody): Promise<void> {
  await apiRequest(`/api/auth/sessions/${encodeURIComponent(id)}/revoke`, {
    method: 'POST',
    body,
  })
}

/** POST /api/auth/sessions/revoke-others: ends every session but this one (204). */
export async function revokeOtherSessions(body: ReauthenticateBody): Promise<void> {
  await apiRequest('/api/auth/sessions/revoke-others', { method: 'POST', body })
}
