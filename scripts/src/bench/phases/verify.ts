import type { BenchContext } from '../context'
import { runVerify, type VerifyResult } from '../verify'

/** 1. Token verification, in process (`--only=verify`). */
export async function verifyPhase(context: BenchContext): Promise<VerifyResult> {
  const [firstUser] = context.listUsers
  if (!firstUser) throw new Error('bench: no list user to verify the token of')
  context.log('timing token verification in process…')
  const verification = await runVerify({
    jwksUrl: `${context.webOrigin}/api/auth/jwks`,
    issuer: context.webUrl,
    token: firstUser.token,
    expectedUserId: firstUser.id,
    warmup: 5_000,
    iterations: context.sizes.verifyIterations,
  })
  const alone = verification.signatureOnly.latencyMs
  const seen = verification.seenBefore?.latencyMs
  context.log(
    `verification, first sight: ${Math.round(verification.opsPerSecond)} ops/s, p50 ${verification.latencyMs.p50.toFixed(3)} ms, p99 ${verification.latencyMs.p99.toFixed(3)} ms` +
      (seen ? `; seen before: p50 ${seen.p50.toFixed(3)} ms, p99 ${seen.p99.toFixed(3)} ms` : '') +
      ` (the signature alone: p50 ${alone.p50.toFixed(3)} ms, p99 ${alone.p99.toFixed(3)} ms)`,
  )
  return verification
}
