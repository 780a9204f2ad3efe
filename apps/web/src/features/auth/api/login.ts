import type { LoginBody } from '@taskwise/contracts/auth-payloads'
import type { LoginResponse } from '@taskwise/contracts/two-factor'
import { apiErrorFrom } from '@/lib/problem-error'

/**
 * POST /api/auth/login: signs in (the cookies arrive with the answer), or, for an account with
 * two-factor sign-in on, answers `{twoFactorRequired}` (then see login-two-factor.ts).
 */
export async function login(body: LoginBody): Promise<LoginResponse> {
  const response = await fetch('/api/auth/login', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw await apiErrorFrom(response)
  // The contract's schema loads with the first answer to read, not with the page (0312).
  const { loginResponseSchema } = await import('@taskwise/contracts/two-factor')
  return loginResponseSchema.parse(await response.json())
}
