import {
  confirmEmailResponseSchema,
  type ConfirmEmailBody,
  type ConfirmEmailResponse,
} from '@taskwise/contracts/account'
import { apiRequest } from '@/lib/api-client'

/** POST /api/auth/change-email/confirm: the mailed link, opened; 200 with the updated user. */
export async function confirmEmail(body: ConfirmEmailBody): Promise<ConfirmEmailResponse> {
  return confirmEmailResponseSchema.parse(
    await apiRequest('/api/auth/change-email/confirm', { method: 'POST', body }),
  )
}
