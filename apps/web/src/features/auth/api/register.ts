import type { AuthTokenResponse } from '@taskwise/contracts/auth-payloads'
import type { RegisterBody } from '@taskwise/contracts/password-bodies'
import { apiErrorFrom } from '@/lib/problem-error'

/** POST /api/auth/register: creates the account and signs in (the cookies arrive with the answer). */
export async function register(body: RegisterBody): Promise<AuthTokenResponse> {
  const response = await fetch('/api/auth/register', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw await apiErrorFrom(response)
  // The contract's schema loads with the first answer to read, not with the page (0312).
  const { authTokenResponseSchema } = await import('@taskwise/contracts/auth-payloads')
  return authTokenResponseSchema.parse(await response.json())
}
