import { formatMs, verdict } from './report-figures'
import type { ScaleDatabaseRun, ScaleResults } from './results'
import { SCALE_SEED } from './scale-seed'

/** BENCHMARKS.md's section on the scale phase (bench/scale-results.json). */

/** The target: every variant's p50 within this many times the default list's, in the same run. */
export const SCALE_TARGET_RATIO = 2

const databaseName = (run: ScaleDatabaseRun) =>
  run.database === 'embedded' ? 'the embedded database (PGlite)' : 'PostgreSQL'

/** Each variant's p50 as a multiple of the default list's p50 in the same run. */
export function scaleRatios(run: ScaleDatabaseRun): { name: string; ratio: number }[] {
  const base = run.variants.find((variant) => variant.group === 'default')?.latencyMs.p50
  return run.variants
    .filter((variant) => variant.group !== 'default' && variant.group !== 'reference')
    .map((variant) => ({ name: variant.name, ratio: variant.latencyMs.p50 / (base ?? Number.NaN) }))
}

/** One summary row per database for the targets table. */
export function scaleTargetRows(scale: ScaleResults | undefined): string[] {
  return (scale?.runs ?? []).map((run) => {
    const ratios = scaleRatios(run)
    const worst = ratios.reduce((a, b) => (b.ratio > a.ratio ? b : a), { name: '', ratio: 0 })
    const base = run.variants.find((variant) => variant.group === 'default')
    const met = ratios.length > 0 && ratios.every(({ ratio }) => ratio <= SCALE_TARGET_RATIO)
    return (
      `| Every list variant, a user with 50,000 tasks among 1 M, ${databaseName(run)} | default list p50 ${formatMs(base?.latencyMs.p50 ?? Number.NaN)}; ` +
      `the slowest variant ${worst.ratio.toFixed(2)}× (${worst.name}) | ≤ ${SCALE_TARGET_RATIO}× the default list: ${verdict(met)} | — |`
    )
  })
}

export function scaleSection(scale: ScaleResults | undefined): string[] {
  if (!scale || scale.runs.length === 0) return []
  const size = scale.runs[0]?.tasks ?? { user: 0, total: 0 }
  const lines = [
    `## A user with ${size.user.toLocaleString('en-US')} tasks in a table of ${size.total.toLocaleString('en-US')}`,
    '',
    `Measured by \`${scale.command}\` on ${scale.date} (${(scale.wallSeconds / 60).toFixed(1)} minutes; ${scale.cpus} cores, ${scale.cpuModel}, Node ${scale.node}), a run of its own: raw figures in [bench/scale-results.json](bench/scale-results.json).`,
    '',
    `How: on each database, a stack of its own (web and api, default settings but raised rate limits) and a fresh database; the rows are written by one INSERT … SELECT over generate_series (the measured user's tasks are every 20th row, the rest belong to ${SCALE_SEED.otherUsers} other users), the indexes built again and the table vacuumed and analysed. ` +
      'Each variant is a page of 50 through the real api (Bearer token). One connection, one request at a time; the variants take turns in bursts of a few requests, round after round, so that the machine’s changing load falls on all of them alike. ' +
      `A variant passes when its p50 is at most ${SCALE_TARGET_RATIO}× the default list’s p50 in the same run. “Database” is the statement’s execution time in EXPLAIN ANALYZE, run once before the measurement, and the indexes its plan reads.`,
    '',
  ]
  for (const run of scale.runs) {
    const base = run.variants.find((variant) => variant.group === 'default')?.latencyMs.p50
    const plans = new Map(run.plans.map((plan) => [plan.name, plan]))
    lines.push(
      `### ${run.database === 'embedded' ? 'Embedded (PGlite)' : 'PostgreSQL'}: ${run.version}`,
      '',
      `${run.tasks.user.toLocaleString('en-US')} of ${run.tasks.total.toLocaleString('en-US')} tasks; seeded in ${run.seedSeconds.toFixed(0)} s; ${run.rounds} rounds of ${run.burst} requests per variant. ` +
        `Load average ${run.loadAverage.start.toFixed(2)} when the measurement started, ${run.loadAverage.end.toFixed(2)} when it ended` +
        (run.cpuPressure.start !== null && run.cpuPressure.end !== null
          ? `; CPU pressure ${run.cpuPressure.start.toFixed(0)} % and ${run.cpuPressure.end.toFixed(0)} %.`
          : '.'),
      '',
      '| Variant | p50 | p95 | p50 / default | Errors | Database | Indexes read |',
      '|---|---|---|---|---|---|---|',
    )
    for (const variant of run.variants) {
      const ratio = variant.latencyMs.p50 / (base ?? Number.NaN)
      const judged = variant.group !== 'default' && variant.group !== 'reference'
      const plan = plans.get(variant.name)
      lines.push(
        `| ${variant.name} | ${formatMs(variant.latencyMs.p50)} | ${formatMs(variant.latencyMs.p95)} | ` +
          `${judged ? `${ratio.toFixed(2)}× ${ratio <= SCALE_TARGET_RATIO ? '✅' : '❌'}` : variant.group === 'default' ? '1' : `${ratio.toFixed(2)}× (reference)`} | ` +
          `${variant.errors} | ${plan?.executionMs !== null && plan ? formatMs(plan.executionMs ?? Number.NaN) : 'n/a'} | ${plan?.indexes.join(', ') || 'none (sequential scan)'} |`,
      )
    }
    lines.push('')
  }
  return lines
}
