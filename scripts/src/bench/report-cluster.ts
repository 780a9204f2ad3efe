import type { ClusterListRun } from './cluster'

/** The cluster section of BENCHMARKS.md. */
export function clusterSection(runs: ClusterListRun[] | undefined): string[] {
  if (!runs || runs.length === 0) return []
  const names = {
    nginx: 'nginx → 2 api instances (cookie)',
    web: 'web origin (one instance) → forwarded by its web server → api (cookie)',
  }
  // CPU time of every service of the path (all instances, nginx) per response, median of rounds.
  const cpuPerRequest = (run: ClusterListRun) => {
    const each = run.rounds
      .map((round) => {
        const total = Object.values(round.serverCpuMs ?? {}).reduce((sum, ms) => sum + ms, 0)
        return round.responses > 0 ? total / round.responses : Number.NaN
      })
      .sort((a, b) => a - b)
    return each[Math.ceil(each.length / 2) - 1] ?? Number.NaN
  }
  const rows = runs.map((run) => {
    const r = run.result
    const rounds = run.rounds.map((round) => Math.round(round.requestsPerSecond)).join(', ')
    return `| ${names[run.target]} | ${run.connections} | ${r.latencyMs.p50.toFixed(2)} ms | ${r.latencyMs.p99.toFixed(2)} ms | ${Math.round(r.requestsPerSecond)} | ${r.errors} | ${cpuPerRequest(run).toFixed(2)} ms | ${rounds} |`
  })
  const ratio = (connections: number) => {
    const of = (target: ClusterListRun['target']) =>
      runs.find((run) => run.target === target && run.connections === connections)?.result
        .requestsPerSecond ?? Number.NaN
    return (of('nginx') / of('web')).toFixed(2)
  }
  return [
    '## The list through nginx (cluster)',
    '',
    'Two api and two web instances behind nginx (`npm run cluster`), the same database, against the web-origin path of one web instance (its web server forwards the task route to the api); the two take turns, the median round is quoted. ' +
      `Through nginx the list is ${ratio(10)}× the web origin's throughput at 10 connections and ${ratio(50)}× at 50.`,
    '',
    '| Path | Connections | p50 | p99 | req/s | errors | server CPU per request | req/s of every round |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ]
}
