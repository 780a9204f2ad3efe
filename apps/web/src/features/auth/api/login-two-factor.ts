import type { AuthTokenResponse } from '@taskwise/contracts/auth-payloads'
import type { TwoFactorLoginBody } from '@taskwise/contracts/two-factor'
import { apiErrorFrom } from '@/lib/problem-error'

/** POST /api/auth/login/two-factor: the second step, with the pending sign-in's cookie. */
export async function loginTwoFactor(body: TwoFactorLoginBody): Promise<AuthTokenResponse> {
  const response = await fetch('/api/auth/login/two-factor', {
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
