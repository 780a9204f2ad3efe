import { authBursts } from '../auth-bursts'
import type { BenchUser } from '../client'
import { AUTH_CONCURRENCY } from '../constants'
import { registerUsers, type BenchContext } from '../context'
import { storedHashKind } from '../database'
import type { AuthBurst } from '../results'

/** 5. Concurrent authentication (`--only=auth`) on the stack's web app: argon2id, as configured. */
export async function signInsPhase(context: BenchContext): Promise<AuthBurst[]> {
  const { webUrl, webOrigin, stack } = context
  context.log(`registering ${AUTH_CONCURRENCY} users to sign in…`)
  const authUsers = await registerUsers(context, webUrl, 'auth', AUTH_CONCURRENCY, context.password)
  const kind = await storedHashKind(stack.databaseUrl, (authUsers[0] as BenchUser).id)
  if (kind !== 'argon2id')
    throw new Error(`bench: the web app stored a ${kind} hash where argon2id was expected`)
  return authBursts(context, webOrigin, webUrl, 'argon2id', authUsers)
}
