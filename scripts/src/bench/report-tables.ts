import {
  errorsOf,
  formatCount,
  formatMs,
  medianCpuMsPerRequest,
  medianRound,
} from './report-figures'
import type { BenchResults, ListRun } from './results'

/** BENCHMARKS.md's detail tables, one per phase's figures. */

const targetNames: Record<ListRun['target'], string> = {
  api: 'api directly (Bearer)',
  web: 'web origin → forwarded by its web server → api (cookie)',
  floor: 'floor: bare Fastify + pg, same SELECT',
}

export function listTable(results: BenchResults): string[] {
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

export function hashingTable(results: BenchResults): string[] {
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

export function writesTable(results: BenchResults): string[] {
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

export function authTable(results: BenchResults): string[] {
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

export function resetTable(results: BenchResults): string[] {
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

export function memoryTable(results: BenchResults): string[] {
  const mib = (value: number | null) => (value === null ? 'n/a' : `${value.toFixed(0)} MiB`)
  const rows = ['| Service | RSS idle | RSS at the end of the load |', '|---|---|---|']
  for (const reading of results.memory)
    rows.push(`| ${reading.service} | ${mib(reading.idleMiB)} | ${mib(reading.loadedMiB)} |`)
  return rows
}
