import { authBursts } from '../auth-bursts'
import { authHeaders, type BenchUser } from '../client'
import { AUTH_CONCURRENCY, AUTH_TIMEOUT_SECONDS } from '../constants'
import { registerUsers, type BenchContext } from '../context'
import { storedHashKind } from '../database'
import type { AuthBurst } from '../results'
import { startSignInFloor } from '../floor'

/**
 * 5. Concurrent authentication (`--only=auth`) on the stack's web app: argon2id, as configured.
 * After each round of sign-ins, the same users sign in at the sign-in floor, the least a server
 * can do for a sign-in (docs/decisions/0322-sign-in-without-next-router.md).
 */
export async function signInsPhase(context: BenchContext): Promise<AuthBurst[]> {
  const { webUrl, webOrigin, stack } = context
  context.log(`registering ${AUTH_CONCURRENCY} users to sign in…`)
  const authUsers = await registerUsers(context, webUrl, 'auth', AUTH_CONCURRENCY, context.password)
  const kind = await storedHashKind(stack.databaseUrl, (authUsers[0] as BenchUser).id)
  if (kind !== 'argon2id')
    throw new Error(`bench: the web app stored a ${kind} hash where argon2id was expected`)
  const floor = await startSignInFloor({
    databaseUrl: stack.databaseUrl,
    env: context.serviceEnv,
    onLine: context.keepLine('sign-in-floor'),
  })
  context.watched.set('sign-in-floor', floor.service.child.pid)
  const floorBurst: AuthBurst = {
    hasher: 'argon2id',
    operation: 'sign-in-floor',
    concurrency: AUTH_CONCURRENCY,
    rounds: [],
  }
  try {
    const bursts = await authBursts(
      context,
      webOrigin,
      webUrl,
      'argon2id',
      authUsers,
      async (round) => {
        floorBurst.rounds.push(
          await context.measure(`sign-in floor, ${AUTH_CONCURRENCY} sign-ins, round ${round + 1}`, {
            url: floor.url,
            connections: AUTH_CONCURRENCY,
            mode: 'once',
            timeoutSeconds: AUTH_TIMEOUT_SECONDS,
            requests: authUsers.map((user) => ({
              method: 'POST',
              path: '/login',
              headers: authHeaders(webUrl),
              body: JSON.stringify({ email: user.email, password: user.password }),
            })),
          }),
        )
      },
    )
    return [...bursts, floorBurst]
  } finally {
    context.watched.delete('sign-in-floor')
    await floor.stop()
  }
}
