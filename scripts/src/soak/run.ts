import { randomBytes } from 'node:crypto'
import type { Cluster, Instance } from '../lib/cluster'
import { checkDatabase, type InvariantFigures } from './invariants'
import { SoakStats, type FaultWindow } from './stats'
import { SoakUser, type Owners } from './user'

/**
 * The soak (docs/decisions/0502-soak-with-invariants.md): `users` people at once against the
 * cluster, each looping over the mix until `operations` are done (and the faults are over) or
 * `seconds` pass. Partway, one api and then one web instance are killed (SIGKILL) and started
 * again. Then the invariants are checked against the database.
 */

export interface SoakOptions {
  cluster: Cluster
  users: number
  operations: number
  seconds: number
  /** Kill and restart instances partway (off only to measure a quiet run). */
  faults?: boolean
  /** How long after a restarted instance answers its window stays open (the proxy's 2 s). */
  graceMs?: number
  seed?: number
  log?: (line: string) => void
}

export interface SoakFigures {
  users: number
  operations: number
  requests: number
  durationSeconds: number
  operationsByKind: Record<string, number>
  statuses: Record<string, number>
  faults: { instance: string; killedAtSecond: number; downSeconds: number }[]
  failuresInFaultWindows: number
  failuresOutsideFaultWindows: number
  /** Deletes answered 404 at once inside a fault window: nginx had retried an applied DELETE. */
  deletesFoundGoneInFaultWindows: number
  rateLimited: number
  retries: number
  gaveUp: number
  ambiguousWrites: number
  servedBy: Record<string, number>
  invariants: InvariantFigures & { leaks: number; violations: string[] }
}

/** A small seeded generator (mulberry32), so a run's mix can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function runSoak(options: SoakOptions): Promise<SoakFigures> {
  const { cluster, log = () => {} } = options
  const stats = new SoakStats()
  const owners: Owners = new Map()
  const deadline = stats.startedAt + options.seconds * 1000
  const random = seeded(options.seed ?? Date.now())
  const runId = randomBytes(3).toString('hex')
  const users = Array.from(
    { length: options.users },
    (_, index) =>
      new SoakUser(
        `soak-${runId}-${index}@example.com`,
        `Soak-${randomBytes(6).toString('base64url')}-9!`,
        stats,
        owners,
        cluster.url,
        cluster.origin,
        deadline,
        seeded(Math.floor(random() * 2 ** 32)),
      ),
  )
  log(`soak: signing up ${users.length} users through nginx…`)
  for (let start = 0; start < users.length; start += 10) {
    await Promise.all(users.slice(start, start + 10).map((user) => user.signUp()))
  }

  const windows: FaultWindow[] = []
  const planned: Instance[] =
    options.faults === false
      ? []
      : [cluster.apis[0], cluster.webs[1]].filter(
          (instance): instance is Instance => instance !== undefined,
        )
  let faultsOver = planned.length === 0
  const faults = (async () => {
    for (const [index, instance] of planned.entries()) {
      // The first fault at a third of the operations, the next at two thirds.
      const at = ((index + 1) * options.operations) / (planned.length + 1)
      while (stats.operations() < at && Date.now() < deadline) await pause(50)
      if (Date.now() >= deadline) break
      const window: FaultWindow = {
        instance: instance.name,
        killedAt: Date.now(),
        endsAt: Infinity,
      }
      windows.push(window)
      log(`soak: killing ${instance.name} (SIGKILL) after ${stats.operations()} operations`)
      await cluster.kill(instance)
      await pause(1_000)
      await cluster.restart(instance)
      window.endsAt = Date.now() + (options.graceMs ?? 3_000)
      log(
        `soak: ${instance.name} is back after ${((Date.now() - window.killedAt) / 1000).toFixed(1)} s`,
      )
    }
    faultsOver = true
  })()

  const loop = async (user: SoakUser) => {
    while (Date.now() < deadline && (stats.operations() < options.operations || !faultsOver)) {
      if (!user.signedIn()) await user.signIn()
      else await user.step()
      await pause(20 + random() * 130)
    }
  }
  await Promise.all(users.map(loop))
  await faults
  const durationSeconds = (Date.now() - stats.startedAt) / 1000
  log(
    `soak: ${stats.operations()} operations in ${durationSeconds.toFixed(1)} s; checking the database…`,
  )

  const invariants = await checkDatabase(cluster.databaseUrl, users, stats)
  const servedBy: Record<string, number> = {}
  for (const line of cluster.proxy.accessLog()) {
    const upstream = line.split(' ').at(-2) ?? '-'
    for (const address of upstream.split(', ')) servedBy[address] = (servedBy[address] ?? 0) + 1
  }
  const outside = stats.failuresOutside(windows)
  const inWindow = (at: number) =>
    windows.some((window) => at >= window.killedAt && at <= window.endsAt)
  for (const gone of stats.deletesFoundGone.filter((entry) => !inWindow(entry.at))) {
    stats.violation(`task ${gone.path} was missing when its owner deleted it (404)`)
  }
  for (const failure of outside.slice(0, 20)) {
    stats.violation(
      `${failure.status || 'no answer'} outside the fault windows: ${failure.method} ${failure.path}`,
    )
  }
  return {
    users: users.length,
    operations: stats.operations(),
    requests: stats.requests,
    durationSeconds,
    operationsByKind: Object.fromEntries(stats.byOperation),
    statuses: Object.fromEntries(
      [...stats.byStatus].map(([status, count]) => [String(status), count]),
    ),
    faults: windows.map((window) => ({
      instance: window.instance,
      killedAtSecond: (window.killedAt - stats.startedAt) / 1000,
      downSeconds: (window.endsAt - window.killedAt) / 1000,
    })),
    failuresInFaultWindows: stats.failures.length - outside.length,
    failuresOutsideFaultWindows: outside.length,
    rateLimited: stats.rateLimited,
    retries: stats.retries,
    gaveUp: stats.gaveUp,
    ambiguousWrites: stats.ambiguousWrites,
    deletesFoundGoneInFaultWindows: stats.deletesFoundGone.filter((entry) => inWindow(entry.at))
      .length,
    servedBy,
    invariants: {
      ...invariants,
      leaks: stats.violations.filter((message) => message.includes('was shown task')).length,
      violations: stats.violations,
    },
  }
}
