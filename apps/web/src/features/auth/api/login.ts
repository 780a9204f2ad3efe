import {
  authTokenResponseSchema,
  type AuthTokenResponse,
  type LoginBody,
} from '@taskwise/contracts/auth-payloads'
import { apiErrorFrom } from '@/lib/problem-error'

/** POST /api/auth/login: signs in (the cookies arrive with the answer). */
export async function login(body: LoginBody): Promise<AuthTokenResponse> {
  const response = await fetch('/api/auth/login', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw await apiErrorFrom(response)
  return authTokenResponseSchema.parse(await response.json())
}
