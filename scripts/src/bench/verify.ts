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
  opsPerSecond: number
  latencyMs: LatencySummary
  /** JWKS fetches during the run (1: loaded once, then cached). */
  keyFetches: number
}

/** Times the api's token verification in a child process. */
export function runVerify(spec: VerifySpec): Promise<VerifyResult> {
  return runJsonChild<VerifyResult>('verify-runner.ts', spec)
}
