import type { LoadResult } from './load'
import { clusterSection } from './cluster'
import type { AuthBurst, BenchResults, ListRun } from './results'
import { median } from './stats'

/** BENCHMARKS.md, rendered from bench/results.json. Pure: the same results give the same page. */

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

function verdict(met: boolean): string {
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

function errorsOf(result: LoadResult): string {
  return result.errors === 0
    ? '0'
    : `**${result.errors}** (${Object.entries(result.statuses)
        .map(([s, n]) => `${n}×${s}`)
        .join(', ')})`
}

function targetsTable(results: BenchResults): string[] {
  const rows: string[] = ['| What | Measured | Our target | Seed’s target |', '|---|---|---|---|']
  const v = results.verification
  if (v) {
    const alone = v.signatureOnly
      ? `; the Ed25519 signature alone: p99 ${formatMs(v.signatureOnly.latencyMs.p99)}, p50 ${formatMs(v.signatureOnly.latencyMs.p50)}`
      : ''
    rows.push(
      `| Token verification, in process | p99 ${formatMs(v.latencyMs.p99)} (p50 ${formatMs(v.latencyMs.p50)}, ${formatCount(v.opsPerSecond)} ops/s${alone}) | < 0.2 ms p99: ${verdict(v.latencyMs.p99 < 0.2)} | < 50 ms: ${verdict(v.latencyMs.p99 < 50)} |`,
    )
  }
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
    const alone = results.hashing?.find((timing) => timing.hasher === burst.hasher)
    const hashingAlone = alone
      ? ` (the hashing alone, ${alone.concurrency} at once: ${formatMs(alone.burstWallMs)})`
      : ''
    const ours =
      burst.operation === 'sign-in' && burst.hasher === 'argon2id'
        ? `all done < 2 s: ${verdict(round.wallMs < 2000 && allErrors === 0)}`
        : '—'
    rows.push(
      `| ${what} | all done in ${formatMs(round.wallMs)}; p95 ${formatMs(round.latencyMs.p95)}; errors ${allErrors}${hashingAlone} | ${ours} | each < 5 s: ${verdict(round.latencyMs.max < 5000 && allErrors === 0)} |`,
    )
  }
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

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

const targetNames: Record<ListRun['target'], string> = {
  api: 'api directly (Bearer)',
  web: 'web origin → rewrite → api (cookie)',
  floor: 'floor: bare Fastify + pg, same SELECT',
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

function listTable(results: BenchResults): string[] {
  const rows = [
    '| Path | Connections | p50 | p95 | p99 | req/s | errors | server CPU per request | req/s of every round |',
    '|---|---|---|---|---|---|---|---|---|',
  ]
  for (const run of results.list) {
    const r = run.result
    const rounds = (run.rounds ?? [r]).map((round) => formatCount(round.requestsPerSecond))
    const cpu = medianCpuMsPerRequest(run)
    rows.push(
      `| ${targetNames[run.target]} | ${run.connections} | ${formatMs(r.latencyMs.p50)} | ${formatMs(r.latencyMs.p95)} | ${formatMs(r.latencyMs.p99)} | ${formatCount(r.requestsPerSecond)} | ${errorsOf(r)} | ${formatMs(cpu)} | ${rounds.join(', ')} |`,
    )
  }
  return rows
}

function hashingTable(results: BenchResults): string[] {
  const rows = [
    '| Hasher, alone (no HTTP, no database) | One verification | A burst of verifications started at once, all done in |',
    '|---|---|---|',
  ]
  for (const timing of results.hashing ?? []) {
    rows.push(
      `| ${timing.hasher} | ${formatMs(timing.oneMs)} | ${timing.concurrency} in ${formatMs(timing.burstWallMs)} |`,
    )
  }
  return rows
}

function writesTable(results: BenchResults): string[] {
  const rows = [
    '| Operation | Connections | p50 | p95 | p99 | req/s | errors |',
    '|---|---|---|---|---|---|---|',
  ]
  for (const run of results.writes) {
    const r = run.result
    rows.push(
      `| ${run.operation} | ${run.connections} | ${formatMs(r.latencyMs.p50)} | ${formatMs(r.latencyMs.p95)} | ${formatMs(r.latencyMs.p99)} | ${formatCount(r.requestsPerSecond)} | ${errorsOf(r)} |`,
    )
  }
  return rows
}

function authTable(results: BenchResults): string[] {
  const rows = [
    '| Hasher | Operation | All done (median round) | p50 | p95 | max | errors, all rounds | every round’s wall time |',
    '|---|---|---|---|---|---|---|---|',
  ]
  for (const burst of results.auth) {
    const round = medianRound(burst)
    if (!round) continue
    const allErrors = burst.rounds.reduce((sum, r) => sum + r.errors, 0)
    rows.push(
      `| ${burst.hasher} | ${burst.concurrency} × ${burst.operation} | ${formatMs(round.wallMs)} | ${formatMs(round.latencyMs.p50)} | ${formatMs(round.latencyMs.p95)} | ${formatMs(round.latencyMs.max)} | ${allErrors} | ${burst.rounds.map((r) => formatMs(r.wallMs)).join(', ')} |`,
    )
  }
  return rows
}

function resetTable(results: BenchResults): string[] {
  const timing = results.passwordReset
  if (!timing) return []
  const row = (label: string, summary: typeof timing.known) =>
    `| ${label} | ${summary.count} | ${formatMs(summary.p50)} | ${formatMs(summary.p95)} | ${formatMs(summary.max)} |`
  return [
    '## Password reset requests',
    '',
    '`POST /api/auth/forgot-password`, one at a time, the two kinds alternating, each address asked once. The two must not be told apart by time.',
    '',
    '| address | requests | median | p95 | max |',
    '| --- | ---: | ---: | ---: | ---: |',
    row('has an account', timing.known),
    row('has none', timing.unknown),
    '',
    `Median with an account ÷ median without: **${timing.medianRatio.toFixed(2)}**.`,
    '',
  ]
}

function memoryTable(results: BenchResults): string[] {
  const mib = (value: number | null) => (value === null ? 'n/a' : `${value.toFixed(0)} MiB`)
  const rows = ['| Service | RSS idle | RSS at the end of the load |', '|---|---|---|']
  for (const reading of results.memory)
    rows.push(`| ${reading.service} | ${mib(reading.idleMiB)} | ${mib(reading.loadedMiB)} |`)
  return rows
}

export function renderMarkdown(results: BenchResults): string {
  const m = results.machine
  const s = results.settings
  const lines = [
    '# Benchmarks',
    '',
    `Measured by \`${results.command}\` on ${results.date}. Raw figures: [bench/results.json](bench/results.json).`,
    '',
    `**Machine:** ${m.cpus} cores (${m.cpuModel}), ${m.memoryGiB.toFixed(1)} GiB, ${m.os}; Node ${m.node}; ${m.postgres} (${m.database === 'embedded' ? 'embedded PGlite over the wire protocol' : 'a real PostgreSQL server, a fresh database'}). ` +
      `Load average ${m.loadAverage.start.toFixed(2)} when the run started, ${m.loadAverage.end.toFixed(2)} when it ended` +
      (m.cpuPressure && m.cpuPressure.start !== null && m.cpuPressure.end !== null
        ? `; CPU pressure (share of the last minute in which some task waited for a core) ${m.cpuPressure.start.toFixed(0)} % and ${m.cpuPressure.end.toFixed(0)} %.`
        : '.'),
    '',
    '> The machine is shared: other engineers’ builds and test suites may run at the same time on the same 2 cores, and the load generator, the servers and PostgreSQL share them too. ' +
      'Every figure below comes from this one run; compare figures within it (the floor ratio, argon2id against scrypt), not across runs.',
    '',
    `How: autocannon in a separate process; each list and write run is ${s.warmupSeconds} s of discarded warm-up then ${s.durationSeconds} s measured; latencies are computed from every response (nearest rank). ` +
      `${s.usersWithTasks} users with ${s.listLimit} tasks each, seeded through the real register endpoint and the api; the list asks for \`limit=${s.listLimit}\`. ` +
      `${s.listRounds && s.listRounds > 1 ? `Each list run is repeated ${s.listRounds} times, the floor, the api and the web origin taking turns; the round with the median throughput is quoted, and the floor ratio is the median of the rounds’ ratios. ` : ''}` +
      `api pool: ${s.apiPoolMax} connections (the floor uses the same). Authentication bursts: ${s.authRounds} round${s.authRounds === 1 ? '' : 's'} each, the median round quoted.`,
    '',
    'Server CPU per request is the CPU time the services used during a run (all threads, from /proc) divided by the responses: the median over the rounds; the load generator and PostgreSQL are not in it.',
    '',
    'What these figures mean, where the time goes and what was changed for them: [docs/decisions/0304-benchmark-findings.md](docs/decisions/0304-benchmark-findings.md).',
    '',
    '## Against the targets',
    '',
    ...targetsTable(results),
    '',
    '## Task list',
    '',
    ...listTable(results),
    '',
    ...clusterSection(results.cluster),
    '## Writes',
    '',
    ...writesTable(results),
    '',
    '## Concurrent authentication',
    '',
    ...authTable(results),
    '',
    ...(results.hashing && results.hashing.length > 0 ? [...hashingTable(results), ''] : []),
    ...resetTable(results),
    '## Memory',
    '',
    ...memoryTable(results),
    '',
  ]
  if (results.notes.length > 0)
    lines.push('## Notes', '', ...results.notes.map((note) => `- ${note}`), '')
  return lines.join('\n')
}
