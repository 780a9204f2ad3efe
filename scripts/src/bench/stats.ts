/** Latency summaries, computed from every sample (not from a histogram's buckets). */

export interface LatencySummary {
  count: number
  mean: number
  p50: number
  p95: number
  p99: number
  max: number
}

/**
 * The nearest-rank percentile of already sorted samples: the smallest sample such that at least
 * `p` percent of the samples are less than or equal to it. NaN for no samples.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  if (p <= 0) return sorted[0] as number
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(rank, sorted.length) - 1] as number
}

export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = Float64Array.from(samples).sort()
  const list = Array.from(sorted)
  const total = list.reduce((sum, value) => sum + value, 0)
  return {
    count: list.length,
    mean: list.length ? total / list.length : Number.NaN,
    p50: percentile(list, 50),
    p95: percentile(list, 95),
    p99: percentile(list, 99),
    max: list.length ? (list[list.length - 1] as number) : Number.NaN,
  }
}

/** The median of a few values (e.g. the wall times of repeated rounds). */
export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  )
}
