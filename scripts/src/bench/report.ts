import { clusterSection } from './report-cluster'
import { pagesSection } from './report-pages'
import { scaleSection, scaleTargetRows } from './report-scale'
import { targetsTable } from './report-targets'
import {
  authTable,
  hashingTable,
  listTable,
  memoryTable,
  resetTable,
  writesTable,
} from './report-tables'
import type { BenchResults, ScaleResults } from './results'

/**
 * BENCHMARKS.md, rendered from bench/results.json. Pure: the same results give the same page.
 * The page's parts: report-targets.ts (the summary), report-tables.ts, report-cluster.ts and
 * report-scale.ts (the scale phase, a run of its own in bench/scale-results.json).
 */

export function renderMarkdown(results: BenchResults, scale?: ScaleResults): string {
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
    ...scaleTargetRows(scale),
    '',
    '## Task list',
    '',
    ...listTable(results),
    '',
    ...clusterSection(results.cluster),
    ...scaleSection(scale),
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
    ...pagesSection(results.pages),
    '## Memory',
    '',
    ...memoryTable(results),
    '',
  ]
  if (results.notes.length > 0)
    lines.push('## Notes', '', ...results.notes.map((note) => `- ${note}`), '')
  return lines.join('\n')
}
