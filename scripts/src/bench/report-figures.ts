import type { LoadResult } from './load'
import type { AuthBurst, BenchResults, ListRun } from './results'
import { median } from './stats'

/** The figures BENCHMARKS.md quotes, derived from bench/results.json, and how it writes them. */

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a'
  if (ms < 1) return `${ms.toFixed(3)} ms`
  if (ms < 100) return `${ms.toFixed(1)} ms`
  if (ms < 10_000) return `${Math.round(ms)} ms`
  return `${(ms / 1000).toFixed(1)} s`
}

export function formatCount(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a'
}

export function verdict(met: boolean): string {
  return met ? '✅ met' : '❌ missed'
}

/** The round whose wall time is the median of the rounds (the lower middle for an even count). */
export function medianRound(burst: AuthBurst): LoadResult | undefined {
  const middle = median(burst.rounds.map((round) => round.wallMs))
  return burst.rounds.find((round) => round.wallMs === middle)
}

export function listRun(
  results: BenchResults,
  target: ListRun['target'],
  connections: number,
): LoadResult | undefined {
  return results.list.find((run) => run.target === target && run.connections === connections)
    ?.result
}

/**
 * Our list throughput as a share of the floor’s, at the same number of connections: with repeated
 * rounds, the median of each round's ratio (a round's api and floor runs are seconds apart, so a
 * change in the machine's load falls on both); else the ratio of the two runs.
 */
export function floorRatio(results: BenchResults, connections: number): number | undefined {
  const ratios = roundRatios(results, connections)
  return ratios.length > 0 ? median(ratios) : undefined
}

/** api / floor throughput of each round (one ratio when the runs were not repeated). */
export function roundRatios(results: BenchResults, connections: number): number[] {
  const find = (target: ListRun['target']) =>
    results.list.find((run) => run.target === target && run.connections === connections)
  const ours = find('api')
  const floor = find('floor')
  if (!ours || !floor) return []
  const oursRounds = ours.rounds ?? [ours.result]
  const floorRounds = floor.rounds ?? [floor.result]
  if (oursRounds.length !== floorRounds.length) return []
  const ratios = oursRounds.map(
    (round, index) => round.requestsPerSecond / (floorRounds[index]?.requestsPerSecond ?? NaN),
  )
  return ratios.every(Number.isFinite) ? ratios : []
}

export function errorsOf(result: LoadResult): string {
  return result.errors === 0
    ? '0'
    : `**${result.errors}** (${Object.entries(result.statuses)
        .map(([s, n]) => `${n}×${s}`)
        .join(', ')})`
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/**
 * CPU time our services (all of them, all threads) used per response during a run: unlike
 * throughput, it hardly depends on how much of the machine other programs took meanwhile.
 */
export function cpuMsPerRequest(result: LoadResult): number | undefined {
  if (!result.serverCpuMs || result.responses === 0) return undefined
  const total = Object.values(result.serverCpuMs).reduce((sum, ms) => sum + ms, 0)
  return total / result.responses
}

/** The median over a list run's rounds of {@link cpuMsPerRequest}. */
export function medianCpuMsPerRequest(run: ListRun): number {
  return median((run.rounds ?? [run.result]).map((round) => cpuMsPerRequest(round) ?? Number.NaN))
}
