import { formatCount, formatMs, medianCpuMsPerRequest, verdict } from './report-figures'
import type { BenchResults } from './results'
import type { VerifyResult } from './verify'

/** BENCHMARKS.md's rows for the api's own targets that the list and verify phases measure. */

/** Our targets: a token seen before < 0.2 ms p99; a first sight ≤ 1.5× the signature alone (p99). */
export const SEEN_BEFORE_P99_MS = 0.2
export const FIRST_SIGHT_OF_SIGNATURE = 1.5
/** The api's server CPU per list, at most this multiple of the floor's. */
export const LIST_CPU_OF_FLOOR = 1.3

export function verificationRows(v: VerifyResult): string[] {
  const alone = v.signatureOnly.latencyMs
  const first = v.latencyMs
  const ratio = first.p99 / alone.p99
  const rows: string[] = []
  if (v.seenBefore) {
    const seen = v.seenBefore.latencyMs
    rows.push(
      `| Token verification, a token seen before, in process | p99 ${formatMs(seen.p99)} (p50 ${formatMs(seen.p50)}, ${formatCount(v.seenBefore.opsPerSecond)} ops/s) | < ${SEEN_BEFORE_P99_MS} ms p99: ${verdict(seen.p99 < SEEN_BEFORE_P99_MS)} | < 50 ms: ${verdict(seen.p99 < 50)} |`,
    )
  }
  rows.push(
    `| Token verification, ${v.seenBefore ? 'first sight of a token' : 'in process'} | p99 ${formatMs(first.p99)} (p50 ${formatMs(first.p50)}, ${formatCount(v.opsPerSecond)} ops/s); the Ed25519 signature alone: p99 ${formatMs(alone.p99)}, p50 ${formatMs(alone.p50)}; p99 ${ratio.toFixed(2)}× the signature’s | ≤ ${FIRST_SIGHT_OF_SIGNATURE}× the signature alone (p99): ${verdict(ratio <= FIRST_SIGHT_OF_SIGNATURE)} | < 50 ms: ${verdict(first.p99 < 50)} |`,
  )
  return rows
}

/** The api's server CPU per list against the floor's, at one connection count (medians of the rounds). */
export function listCpuRow(results: BenchResults, connections: number): string | undefined {
  const runOf = (target: 'api' | 'floor') =>
    results.list.find((run) => run.target === target && run.connections === connections)
  const api = runOf('api')
  const floor = runOf('floor')
  if (!api || !floor) return undefined
  const apiMs = medianCpuMsPerRequest(api)
  const floorMs = medianCpuMsPerRequest(floor)
  if (!Number.isFinite(apiMs) || !Number.isFinite(floorMs)) return undefined
  const ratio = apiMs / floorMs
  return `| … server CPU per list, ${connections} connections | ${formatMs(apiMs)} against the floor’s ${formatMs(floorMs)}: ${ratio.toFixed(2)}× | ≤ ${LIST_CPU_OF_FLOOR}× the floor’s: ${verdict(ratio <= LIST_CPU_OF_FLOOR)} | — |`
}
