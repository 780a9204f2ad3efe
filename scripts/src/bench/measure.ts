import type { BenchUser } from './client'
import { runLoad, type LoadRequest, type LoadResult, type LoadSpec } from './load'
import { treeCpuMs } from './memory'

/** How the bench runs one load and accounts for it: latencies, errors, and our services' CPU time. */

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export function bearer(user: BenchUser): Record<string, string> {
  return { authorization: `Bearer ${user.token}` }
}

/** A latency for the log; a run with no response has none (NaN, or null once through JSON). */
const fixed = (ms: number | null) => (ms !== null && Number.isFinite(ms) ? ms.toFixed(2) : 'n/a')

/** Of repeated runs, the one with the median throughput (the lower middle for an even count). */
export function medianByThroughput(results: LoadResult[]): LoadResult {
  const sorted = [...results].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)
  const middle = sorted[Math.ceil(sorted.length / 2) - 1]
  if (!middle) throw new Error('bench: no run to take a median of')
  return middle
}

/** One request, which must succeed before a run repeats it (a failing run would measure errors). */
export async function probe(origin: string, request: LoadRequest): Promise<void> {
  const response = await fetch(`${origin}${request.path}`, {
    method: request.method,
    headers: request.headers,
    body: request.body,
  })
  if (response.status < 200 || response.status > 299) {
    throw new Error(
      `bench: ${request.method} ${request.path} answered ${response.status}: ${(await response.text()).slice(0, 300)}`,
    )
  }
}

export interface Measurer {
  /** Our services by name, with their pids, for the CPU time each run costs them. */
  watched: Map<string, number | undefined>
  /** Labels of the runs in which some requests failed (each error is counted in the results). */
  failedRuns: string[]
  measure(label: string, spec: LoadSpec): Promise<LoadResult>
}

export function createMeasurer(log: (line: string) => void): Measurer {
  const watched = new Map<string, number | undefined>()
  const failedRuns: string[] = []
  const cpuSnapshot = () =>
    new Map<string, number | null>([...watched].map(([name, pid]) => [name, treeCpuMs(pid)]))

  async function measure(label: string, spec: LoadSpec): Promise<LoadResult> {
    const before = cpuSnapshot()
    const result = await runLoad(spec)
    const after = cpuSnapshot()
    const serverCpuMs: Record<string, number> = {}
    for (const [name, start] of before) {
      const end = after.get(name)
      if (start !== null && end !== null && end !== undefined) serverCpuMs[name] = end - start
    }
    result.serverCpuMs = serverCpuMs
    if (result.errors > 0) failedRuns.push(`${label} (${result.errors})`)
    const r = result.latencyMs
    const cpu = Object.entries(serverCpuMs)
      .filter(([, ms]) => ms >= 10)
      .map(([name, ms]) => `${name} ${Math.round(ms)}`)
      .join(', ')
    log(
      `${label}: ${Math.round(result.requestsPerSecond)} req/s, p50 ${fixed(r.p50)} ms, p95 ${fixed(r.p95)} ms, p99 ${fixed(r.p99)} ms, ` +
        `wall ${Math.round(result.wallMs)} ms, errors ${result.errors}${result.failures.length ? ` (${result.failures.join(', ')})` : ''}; CPU ms: ${cpu}`,
    )
    await pause(1_000)
    return result
  }

  return { watched, failedRuns, measure }
}
