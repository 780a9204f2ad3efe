import { authHeaders, type BenchUser } from './client'
import { AUTH_CONCURRENCY, AUTH_TIMEOUT_SECONDS } from './constants'
import type { BenchContext } from './context'
import type { LoadRequest } from './load'
import type { AuthBurst } from './results'

/**
 * Bursts of concurrent sign-ins and registrations against one web instance, round after round:
 * every user signs in at once, then as many new addresses register at once.
 */
export async function authBursts(
  context: BenchContext,
  webOrigin: string,
  webUrl: string,
  hasher: AuthBurst['hasher'],
  users: BenchUser[],
  /** Run after each round's sign-ins (the sign-in floor's round, in the same conditions). */
  afterSignIns?: (round: number) => Promise<void>,
): Promise<AuthBurst[]> {
  const headers = authHeaders(webUrl)
  const signIn: AuthBurst = {
    hasher,
    operation: 'sign-in',
    concurrency: AUTH_CONCURRENCY,
    rounds: [],
  }
  const registration: AuthBurst = {
    hasher,
    operation: 'register',
    concurrency: AUTH_CONCURRENCY,
    rounds: [],
  }
  for (let round = 0; round < context.sizes.authRounds; round += 1) {
    const logins: LoadRequest[] = users.map((user) => ({
      method: 'POST',
      path: '/api/auth/login',
      headers,
      body: JSON.stringify({ email: user.email, password: user.password }),
    }))
    signIn.rounds.push(
      await context.measure(`${hasher} ${AUTH_CONCURRENCY} sign-ins, round ${round + 1}`, {
        url: webOrigin,
        connections: AUTH_CONCURRENCY,
        mode: 'once',
        timeoutSeconds: AUTH_TIMEOUT_SECONDS,
        requests: logins,
      }),
    )
    await afterSignIns?.(round)
    const password = users[0]?.password ?? ''
    const registrations: LoadRequest[] = users.map((_, index) => ({
      method: 'POST',
      path: '/api/auth/register',
      headers,
      body: JSON.stringify({
        email: `bench-${context.runId}-${hasher}-r${round}-${index}@example.com`,
        password,
        name: 'Bench',
      }),
    }))
    registration.rounds.push(
      await context.measure(`${hasher} ${AUTH_CONCURRENCY} registrations, round ${round + 1}`, {
        url: webOrigin,
        connections: AUTH_CONCURRENCY,
        mode: 'once',
        timeoutSeconds: AUTH_TIMEOUT_SECONDS,
        requests: registrations,
      }),
    )
  }
  return [signIn, registration]
}
