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
import type { HashTiming } from './hashing'
import type { AuthBurst, BenchResults, ListRun } from './results'
import { median } from './stats'

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
    const what =
      burst.operation === 'sign-in-floor'
        ? `… the same sign-ins at the sign-in floor (bare node:http + pg: user read, ${burst.hasher} verify, session insert, JWT)`
        : `${burst.concurrency} concurrent ${burst.operation === 'sign-in' ? 'sign-ins' : 'registrations'} (${burst.hasher})`
    // Against the hashing alone in the same run (design.md): what the burst costs beyond its hashes.
    const alone = results.hashing?.find((timing) => timing.hasher === burst.hasher)
    const ratio = alone ? round.wallMs / alone.burstWallMs : undefined
    const hashingAlone = alone
      ? `, ${ratio?.toFixed(2)}× the hashing alone (${alone.concurrency} verifications at once: ${formatMs(alone.burstWallMs)})`
      : ''
    const cpu = cpuPerSignIn(burst, alone)
    const ours =
      burst.operation === 'sign-in' && burst.hasher === 'argon2id' && ratio !== undefined
        ? `≤ 1.3× the hashing alone: ${verdict(ratio <= 1.3 && allErrors === 0)}`
        : '—'
    rows.push(
      `| ${what} | all done in ${formatMs(round.wallMs)}${hashingAlone}${cpu}; p95 ${formatMs(round.latencyMs.p95)}; errors ${allErrors} | ${ours} | ${burst.operation === 'sign-in-floor' ? '—' : `each < 5 s: ${verdict(round.latencyMs.max < 5000 && allErrors === 0)}`} |`,
    )
  }
  rows.push(...pageTargetRows(results.pages))
  return rows
}

/**
 * The CPU a sign-in cost its server (the median round's share per request) against one
 * verification's in the hashing alone: on a shared machine, where wall times follow the share of
 * the cores a run gets, this is the figure that tells what a sign-in spends beyond its hash.
 */
function cpuPerSignIn(burst: AuthBurst, alone: HashTiming | undefined): string {
  if (burst.operation === 'register') return ''
  // The server that answered: the other services idle meanwhile, and their ticks are not its.
  const service =
    burst.operation === 'sign-in-floor'
      ? 'sign-in-floor'
      : burst.hasher === 'scrypt'
        ? 'web-scrypt'
        : 'web'
  const perSignIn = median(
    burst.rounds.map((round) =>
      round.responses > 0
        ? (round.serverCpuMs?.[service] ?? Number.NaN) / round.responses
        : Number.NaN,
    ),
  )
  if (!Number.isFinite(perSignIn)) return ''
  const perHash = alone?.burstCpuMs !== undefined ? alone.burstCpuMs / alone.concurrency : undefined
  const against = perHash
    ? ` (${(perSignIn / perHash).toFixed(2)}× a verification’s alone, ${perHash.toFixed(1)} ms)`
    : ''
  return `; CPU per sign-in ${perSignIn.toFixed(1)} ms${against}`
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
