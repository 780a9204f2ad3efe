import { AUTH_CONCURRENCY } from '../constants'
import type { BenchContext } from '../context'
import { runHashing, type HashTiming } from '../hashing'

/** The hashing alone, for scale (part of `--only=auth`): what 100 verifications cost with nothing around them. */
export async function hashingPhase(context: BenchContext): Promise<HashTiming[]> {
  const hashing = await runHashing({
    hashers: ['argon2id', 'scrypt'],
    password: context.password,
    sequential: 10,
    concurrency: AUTH_CONCURRENCY,
  })
  for (const timing of hashing) {
    context.log(
      `${timing.hasher} alone: one verification ${timing.oneMs.toFixed(1)} ms, ${timing.concurrency} at once all done in ${Math.round(timing.burstWallMs)} ms`,
    )
  }
  return hashing
}
