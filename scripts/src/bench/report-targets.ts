import { listCpuRow, verificationRows } from './report-api-targets'
import type { LoadResult } from './load'
import {
  capitalise,
  errorsOf,
  floorRatio,
  formatCount,
  formatMs,
  listRun,
  medianCpuMsPerRequest,
  medianRound,
  roundRatios,
  verdict,
} from './report-figures'
import { pageTargetRows } from './report-pages'
import type { BenchResults, ListRun } from './results'

/** BENCHMARKS.md's summary: each measured figure against our target and the seed's. */

export function targetsTable(results: BenchResults): string[] {
  const rows: string[] = ['| What | Measured | Our target | Seed’s target |', '|---|---|---|---|']
  if (results.verification) rows.push(...verificationRows(results.verification))
  for (const connections of [10, 50]) {
    const api = listRun(results, 'api', connections)
    if (!api) continue
    const ours = connections === 50 ? `< 10 ms p95: ${verdict(api.latencyMs.p95 < 10)}` : '—'
    const ratio = floorRatio(results, connections)
    const floor = listRun(results, 'floor', connections)
    const floorP95 = floor ? ` (the floor: p95 ${formatMs(floor.latencyMs.p95)})` : ''
    rows.push(
      `| List of ${results.settings.listLimit} tasks, api, ${connections} connections | p95 ${formatMs(api.latencyMs.p95)}, ${formatCount(api.requestsPerSecond)} req/s, errors ${errorsOf(api)}${floorP95} | ${ours} | < 200 ms p95: ${verdict(api.latencyMs.p95 < 200)} |`,
    )
    if (ratio !== undefined && floor) {
      rows.push(
        `| … throughput as a share of the floor’s, ${connections} connections | ${ratio.toFixed(2)} (${describeRatios(results, connections, api, floor)}) | ≥ 0.8: ${verdict(ratio >= 0.8)} | — |`,
      )
    }
    const cpu = listCpuRow(results, connections)
    if (cpu) rows.push(cpu)
  }
  for (const run of results.writes) {
    rows.push(
      `| ${capitalise(run.operation)} a task, ${run.connections} connections | p95 ${formatMs(run.result.latencyMs.p95)}, errors ${errorsOf(run.result)} | — | < 200 ms p95: ${verdict(run.result.latencyMs.p95 < 200 && run.result.errors === 0)} |`,
    )
  }
  for (const burst of results.auth) {
    const round = medianRound(burst)
    if (!round) continue
    const allErrors = burst.rounds.reduce((sum, r) => sum + r.errors, 0)
    const what = `${burst.concurrency} concurrent ${burst.operation === 'sign-in' ? 'sign-ins' : 'registrations'} (${burst.hasher})`
    // Against the hashing alone in the same run (design.md): what the burst costs beyond its hashes.
    const alone = results.hashing?.find((timing) => timing.hasher === burst.hasher)
    const ratio = alone ? round.wallMs / alone.burstWallMs : undefined
    const hashingAlone = alone
      ? `, ${ratio?.toFixed(2)}× the hashing alone (${alone.concurrency} verifications at once: ${formatMs(alone.burstWallMs)})`
      : ''
    const ours =
      burst.operation === 'sign-in' && burst.hasher === 'argon2id' && ratio !== undefined
        ? `≤ 1.3× the hashing alone: ${verdict(ratio <= 1.3 && allErrors === 0)}`
        : '—'
    rows.push(
      `| ${what} | all done in ${formatMs(round.wallMs)}${hashingAlone}; p95 ${formatMs(round.latencyMs.p95)}; errors ${allErrors} | ${ours} | each < 5 s: ${verdict(round.latencyMs.max < 5000 && allErrors === 0)} |`,
    )
  }
  rows.push(...pageTargetRows(results.pages))
  return rows
}

function describeRatios(
  results: BenchResults,
  connections: number,
  api: LoadResult,
  floor: LoadResult,
): string {
  const ratios = roundRatios(results, connections)
  const runOf = (target: ListRun['target']) =>
    results.list.find((run) => run.target === target && run.connections === connections)
  const apiRun = runOf('api')
  const floorRun = runOf('floor')
  const cpuApi = apiRun ? medianCpuMsPerRequest(apiRun) : Number.NaN
  const cpuFloor = floorRun ? medianCpuMsPerRequest(floorRun) : Number.NaN
  const cpu =
    Number.isFinite(cpuApi) && Number.isFinite(cpuFloor)
      ? `; server CPU per request ${formatMs(cpuApi)} against the floor’s ${formatMs(cpuFloor)}`
      : ''
  return ratios.length > 1
    ? `each round: ${ratios.map((ratio) => ratio.toFixed(2)).join(', ')}${cpu}`
    : `${formatCount(api.requestsPerSecond)} / ${formatCount(floor.requestsPerSecond)} req/s${cpu}`
}
