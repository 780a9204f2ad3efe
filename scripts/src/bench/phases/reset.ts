import { registerUsers, type BenchContext } from '../context'
import { measureResetTiming, type ResetTiming } from '../reset-timing'

/** 6. A reset request (`--only=reset`) costs the same for an address with an account and one without. */
export async function resetPhase(context: BenchContext): Promise<ResetTiming> {
  const pairs = context.sizes.resetPairs
  context.log(`registering ${pairs} users to ask for reset links…`)
  const resetUsers = await registerUsers(context, context.webUrl, 'reset', pairs, context.password)
  const passwordReset = await measureResetTiming(
    context.webUrl,
    resetUsers.map((user) => user.email),
    (index) => `bench-${context.runId}-nobody-${index}@example.com`,
  )
  context.log(
    `forgot-password median: ${passwordReset.known.p50.toFixed(1)} ms with an account, ${passwordReset.unknown.p50.toFixed(1)} ms without (ratio ${passwordReset.medianRatio.toFixed(2)})`,
  )
  return passwordReset
}
