import { createServer } from 'node:net'
import type { Task } from '@taskwise/contracts/task'
import type { LauncherSettings } from '../lib/settings'
import type { Stack } from '../lib/stack'
import { mapConcurrent, register, type BenchUser } from './client'
import type { RunSizes } from './constants'
import type { LoadResult, LoadSpec } from './load'

/** What every phase of `npm run bench` is given: the running stack, the seeded users, the run's helpers. */
export interface BenchContext {
  sizes: RunSizes
  runId: string
  /** bench/tmp: scratch output, logs, data folders. */
  tmpDir: string
  log(line: string): void
  /** A writer of one service's output to bench/tmp/logs/<run>/<service>.log. */
  keepLine(service: string): (line: string) => void
  measure(label: string, spec: LoadSpec): Promise<LoadResult>
  /** Our services by name, with their pids, for the CPU time each run costs them. */
  watched: Map<string, number | undefined>
  /** Stops what a phase started, when the run ends. */
  cleanups: (() => Promise<void>)[]
  settings: LauncherSettings
  stack: Stack
  /** The settings every service of the run is started with (raised limits, pool, hasher). */
  serviceEnv: Record<string, string>
  secret: string
  /** The web app's address as its users know it (the JWT issuer). */
  webUrl: string
  /** The same web app by IP, for the load generator. */
  webOrigin: string
  floorUrl: string
  password: string
  /** Users with 50 tasks each that the list runs read. */
  listUsers: BenchUser[]
  /** Users with 50 tasks each that the write runs change. */
  writeUsers: BenchUser[]
  writeTasks: Task[]
  timing: Pick<LoadSpec, 'durationSeconds' | 'warmupSeconds'>
}

export async function registerUsers(
  context: Pick<BenchContext, 'runId'>,
  webUrl: string,
  kind: string,
  count: number,
  password: string,
): Promise<BenchUser[]> {
  const emails = Array.from(
    { length: count },
    (_, index) => `bench-${context.runId}-${kind}-${index}@example.com`,
  )
  return mapConcurrent(emails, 4, (email) => register(webUrl, email, password))
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}

export async function assertPortFree(port: number, what: string): Promise<void> {
  if (!(await portIsFree(port))) {
    throw new Error(
      `bench: port ${port} (${what}) is in use; stop the process listening there and retry`,
    )
  }
}
