import path from 'node:path'
import { JWT_COOKIE_NAME } from '@taskwise/contracts/auth'
import { authTokenResponseSchema } from '@taskwise/contracts/auth-payloads'
import { clusterPorts, startCluster } from '../lib/cluster'
import type { LauncherSettings } from '../lib/settings'
import type { BenchUser } from './client'
import type { LoadRequest, LoadResult, LoadSpec } from './load'

/**
 * The bench's cluster phase (`npm run bench -- --only=cluster`): the list of 50 tasks through
 * nginx in front of two api and two web instances, against the web-origin path of one web
 * instance (its web server forwards the task route to the api), taking turns in the same run, on
 * the same database. The section it gives BENCHMARKS.md is report-cluster.ts.
 */

export interface ClusterListRun {
  /** nginx: the cluster's proxy, straight to two api instances; web: the single web origin, whose web server forwards to the api. */
  target: 'nginx' | 'web'
  connections: number
  /** The round with the median throughput. */
  result: LoadResult
  rounds: LoadResult[]
}

export interface ClusterPhaseContext {
  settings: LauncherSettings
  databaseUrl: string
  /** nginx's port; the instances take the next four. */
  port: number
  runDir: string
  env: Record<string, string>
  /** Users with 50 tasks each, and their tokens for the web origin's issuer. */
  users: BenchUser[]
  webOrigin: string
  listLimit: number
  rounds: number
  timing: Pick<LoadSpec, 'durationSeconds' | 'warmupSeconds'>
  measure(label: string, spec: LoadSpec): Promise<LoadResult>
  /** Adds a process to the CPU accounting. */
  watch(name: string, pid: number | undefined): void
  median(results: LoadResult[]): LoadResult
  log(line: string): void
  onServiceLine(service: string, line: string): void
}

async function signIn(url: string, origin: string, user: BenchUser): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email: user.email, password: user.password }),
  })
  if (response.status !== 200) throw new Error(`bench: cluster sign-in answered ${response.status}`)
  return authTokenResponseSchema.parse(await response.json()).token
}

export async function measureClusterList(context: ClusterPhaseContext): Promise<ClusterListRun[]> {
  const cluster = await startCluster({
    settings: context.settings,
    databaseUrl: context.databaseUrl,
    ports: clusterPorts(context.port),
    runDir: path.join(context.runDir, 'nginx'),
    env: context.env,
    log: context.log,
    onServiceLine: context.onServiceLine,
  })
  try {
    for (const instance of [...cluster.apis, ...cluster.webs]) {
      context.watch(`cluster ${instance.name}`, instance.service.child.pid)
    }
    context.watch('cluster nginx', cluster.proxy.service.child.pid)
    // The cluster's web app is another issuer (its own origin): its users sign in there.
    const clusterTokens = await Promise.all(
      context.users.map((user) => signIn(cluster.url, cluster.origin, user)),
    )
    const listPath = (user: BenchUser) => `/api/${user.id}/tasks?limit=${context.listLimit}`
    const requests = (tokens: string[]): LoadRequest[] =>
      context.users.map((user, index) => ({
        method: 'GET',
        path: listPath(user),
        headers: { cookie: `${JWT_COOKIE_NAME}=${tokens[index]}` },
      }))
    const targets: [ClusterListRun['target'], string, LoadRequest[]][] = [
      ['nginx', cluster.url, requests(clusterTokens)],
      ['web', context.webOrigin, requests(context.users.map((user) => user.token))],
    ]
    for (const [target, url, [first]] of targets) {
      const response = await fetch(`${url}${first?.path}`, { headers: first?.headers })
      const body = (await response.json()) as { items?: unknown[] }
      if (response.status !== 200 || body.items?.length !== context.listLimit) {
        throw new Error(`bench: the list via ${target} answered ${response.status}`)
      }
    }
    const runs: ClusterListRun[] = []
    for (const connections of [10, 50]) {
      const results = new Map<ClusterListRun['target'], LoadResult[]>([
        ['nginx', []],
        ['web', []],
      ])
      for (let round = 0; round < context.rounds; round += 1) {
        const order = round % 2 === 0 ? targets : [...targets].reverse()
        for (const [target, url, list] of order) {
          const label = `cluster: list via ${target}, ${connections} connections, round ${round + 1}`
          const spec: LoadSpec = {
            url,
            connections,
            mode: 'cycle',
            requests: list,
            ...context.timing,
          }
          results.get(target)?.push(await context.measure(label, spec))
        }
      }
      for (const [target, rounds] of results) {
        runs.push({ target, connections, result: context.median(rounds), rounds })
      }
    }
    return runs
  } finally {
    await cluster.stop()
  }
}
