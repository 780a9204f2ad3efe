import {
  acceptedResponseSchema,
  type AcceptedResponse,
  type ForgotPasswordBody,
} from '@taskwise/contracts/account'
import { apiRequest } from '@/lib/api-client'

/** POST /api/auth/forgot-password: 202 whoever the address is (nothing tells accounts apart). */
export async function forgotPassword(body: ForgotPasswordBody): Promise<AcceptedResponse> {
  return acceptedResponseSchema.parse(
    await apiRequest('/api/auth/forgot-password', { method: 'POST', body }),
  )
}
