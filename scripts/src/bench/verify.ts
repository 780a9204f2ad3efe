import { runJsonChild } from './child'
import type { LatencySummary } from './stats'

export interface VerifySpec {
  jwksUrl: string
  issuer: string
  token: string
  expectedUserId: string
  warmup: number
  iterations: number
}

export interface VerifyResult {
  iterations: number
  /** A token's first sight: the api's verification with nothing remembered (the full check). */
  opsPerSecond: number
  latencyMs: LatencySummary
  /** The same token seen before: answered from the api's cache of verified tokens (absent from older runs). */
  seenBefore?: { opsPerSecond: number; latencyMs: LatencySummary }
  /** JWKS fetches during the run (1: loaded once, then cached). */
  keyFetches: number
  /** The same token's Ed25519 signature checked by node:crypto alone: the floor of verification. */
  signatureOnly: { opsPerSecond: number; latencyMs: LatencySummary }
}

/** Times the api's token verification in a child process. */
export function runVerify(spec: VerifySpec): Promise<VerifyResult> {
  return runJsonChild<VerifyResult>('verify-runner.ts', spec)
}
