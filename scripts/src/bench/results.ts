import type { ClusterListRun } from './cluster'
import type { HashTiming } from './hashing'
import type { LoadResult } from './load'
import type { PageScore } from './phases/pages'
import type { ResetTiming } from './reset-timing'
import type { ScalePlan } from './scale-explain'
import type { ScaleGroup, ScaleSamples } from './scale-variants'
import type { VerifyResult } from './verify'

/** The shape of bench/results.json: everything one `npm run bench` measured, and where. */

export interface MachineInfo {
  cpus: number
  cpuModel: string
  memoryGiB: number
  os: string
  node: string
  postgres: string
  database: 'postgres' | 'embedded'
  /** 1-minute load average when the run started and when it ended (the machine is shared). */
  loadAverage: { start: number; end: number }
  /** CPU pressure (PSI "some", last 60 s, %) when the run started and ended; null without PSI. */
  cpuPressure?: { start: number | null; end: number | null }
}

export interface ListRun {
  /** api: the api directly (Bearer); web: through the web origin, whose web server forwards to the api (cookie); floor: bare Fastify + pg. */
  target: 'api' | 'web' | 'floor'
  connections: number
  /** The round with the median throughput. */
  result: LoadResult
  /** Every round, in the order they ran (the targets took turns). */
  rounds?: LoadResult[]
}

export interface WriteRun {
  operation: 'create' | 'update' | 'complete' | 'delete'
  connections: number
  result: LoadResult
}

export interface AuthBurst {
  hasher: 'argon2id' | 'scrypt'
  /** 'sign-in-floor': the same sign-ins against the sign-in floor (sign-in-floor-server.ts). */
  operation: 'sign-in' | 'register' | 'sign-in-floor'
  concurrency: number
  /** Each round is `concurrency` requests at once; the figures quoted are the median round's. */
  rounds: LoadResult[]
}

export interface MemoryReading {
  service: string
  /** Resident set of the process and its children, MiB, after start-up before any load. */
  idleMiB: number | null
  /** The same at the end of the load. */
  loadedMiB: number | null
}

export interface BenchResults {
  date: string
  command: string
  machine: MachineInfo
  settings: {
    durationSeconds: number
    warmupSeconds: number
    apiPoolMax: number
    listLimit: number
    usersWithTasks: number
    listRounds?: number
    authRounds: number
  }
  /** Lighthouse (mobile) on the four pages (absent from older runs). */
  pages?: PageScore[]
  verification: VerifyResult | null
  /** The password hashers alone (no HTTP, no database), for scale. */
  hashing?: HashTiming[]
  list: ListRun[]
  /** The list through nginx and two api instances against the web origin (absent from older runs). */
  cluster?: ClusterListRun[]
  writes: WriteRun[]
  auth: AuthBurst[]
  /** forgot-password for addresses with and without an account (absent from older runs). */
  passwordReset?: ResetTiming | null
  memory: MemoryReading[]
  /** The api's list query (as the floor captured it) and its plan for one seeded user. */
  listQuery: { sql: string; plan: string[] }
  notes: string[]
}

export interface ScaleVariantResult extends ScaleSamples {
  group: ScaleGroup
  /** Tasks on the page (checked before the run: a full page, or none for a search without match). */
  items: number
}

/** The scale phase on one database: a user with 50,000 tasks in a table of a million. */
export interface ScaleDatabaseRun {
  database: 'postgres' | 'embedded'
  /** `select version()` of that database. */
  version: string
  /** Seeding the rows, building the indexes again and VACUUM ANALYZE. */
  seedSeconds: number
  tasks: { total: number; user: number }
  /** Rounds in which every variant had a burst of `burst` requests. */
  rounds: number
  burst: number
  loadAverage: { start: number; end: number }
  cpuPressure: { start: number | null; end: number | null }
  variants: ScaleVariantResult[]
  plans: ScalePlan[]
}

/** bench/scale-results.json: the scale phase's own run (`--only=scale`, or `--scale`). */
export interface ScaleResults {
  date: string
  command: string
  cpus: number
  cpuModel: string
  node: string
  wallSeconds: number
  runs: ScaleDatabaseRun[]
}
