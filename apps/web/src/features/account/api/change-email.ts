import {
  acceptedResponseSchema,
  type AcceptedResponse,
  type ChangeEmailBody,
} from '@taskwise/contracts/account'
import { apiRequest } from '@/lib/api-client'

/**
 * POST /api/auth/change-email: 202, and a link goes to the new address. The address changes only
 * when that link is opened (see confirm-email.ts).
 */
export async function changeEmail(body: ChangeEmailBody): Promise<AcceptedResponse> {
  return acceptedResponseSchema.parse(
    await apiRequest('/api/auth/change-email', { method: 'POST', body }),
  )
}
