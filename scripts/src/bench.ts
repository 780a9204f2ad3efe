import { randomBytes } from 'node:crypto'
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { JWT_COOKIE_NAME } from '@taskwise/contracts/auth'
import { repoRoot } from '@taskwise/db/paths'
import { defaultTestServerUrl, withDatabaseName } from '@taskwise/db/testing'
import pg from 'pg'
import {
  authHeaders,
  checkList,
  createTask,
  mapConcurrent,
  register,
  seedTask,
  type BenchUser,
} from './bench/client'
import { measureClusterList, type ClusterListRun } from './bench/cluster'
import { runHashing, type HashTiming } from './bench/hashing'
import { runLoad, type LoadRequest, type LoadResult, type LoadSpec } from './bench/load'
import { cpuPressure, loadAverage, machineInfo } from './bench/machine'
import { treeCpuMs, treeRssMiB } from './bench/memory'
import { renderMarkdown } from './bench/report'
import { measureResetTiming, type ResetTiming } from './bench/reset-timing'
import type { AuthBurst, BenchResults, ListRun, MemoryReading, WriteRun } from './bench/results'
import { runVerify, type VerifyResult } from './bench/verify'
import { startService, stopService, waitForOk, type Service } from './lib/processes'
import { readSettings } from './lib/settings'
import { startStack, webServerArgs, type Stack } from './lib/stack'

/**
 * `npm run bench`: the seed's performance targets and ours, measured side by side in one run on
 * the real stack (docs/decisions/0300-benchmark-harness.md). Not part of the test suite.
 *
 *   npm run bench                 a fresh database on the local PostgreSQL (TEST_DATABASE_URL or
 *                                 postgres://postgres@127.0.0.1:5432), dropped at the end; when no
 *                                 server answers there, the embedded database (as `npm test` does)
 *   DATABASE_URL=… npm run bench  that database, as it is (the seeded rows stay)
 *   npm run bench -- --embedded   the embedded database (PGlite), in a fresh folder under bench/tmp
 *   npm run bench -- --quick      short runs to try the harness; writes only to bench/tmp
 *   npm run bench -- --cpu-prof   also writes CPU profiles of the services to bench/tmp/profiles
 *   npm run bench -- --only=auth  only some phases (verify, list, writes, auth, reset, cluster)
 *   npm run bench -- --render     only renders BENCHMARKS.md again from bench/results.json
 */

const { values: flags } = parseArgs({
  options: {
    embedded: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
    render: { type: 'boolean', default: false },
    /** Investigation only: a comma-separated subset of verify,list,writes,auth,reset,cluster (results go to bench/tmp). */
    only: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
})
if (flags.help) {
  console.log(
    'usage: npm run bench [-- --embedded] [-- --quick] [-- --cpu-prof] [-- --only=verify,list,writes,auth,reset,cluster] [-- --render]',
  )
  process.exit(0)
}
if (flags.render) {
  const results = JSON.parse(
    readFileSync(path.join(repoRoot, 'bench/results.json'), 'utf8'),
  ) as BenchResults
  writeFileSync(path.join(repoRoot, 'BENCHMARKS.md'), renderMarkdown(results))
  console.log('bench: rendered BENCHMARKS.md from bench/results.json')
  process.exit(0)
}

const WEB_PORT = 3910
const SCRYPT_WEB_PORT = 3912
const FLOOR_PORT = 4911
/** nginx of the cluster phase; its api and web instances take the next four ports. */
const CLUSTER_PORT = 3920
const API_PORT = 4910
const API_POOL_MAX = 10
const LIST_LIMIT = 50
const LIST_USERS = 10
const WRITE_USERS = 10
const AUTH_CONCURRENCY = 100
const DURATION_SECONDS = flags.quick ? 3 : 4
const WARMUP_SECONDS = flags.quick ? 1 : 2
/** List runs are repeated, the floor, the api and the web origin taking turns (the machine is shared). */
const LIST_ROUNDS = flags.quick ? 1 : 3
const AUTH_ROUNDS = flags.quick ? 1 : 3
/**
 * How long one request of a burst may take before it counts as failed: long enough that a slow
 * burst is measured to its end (the seed's 5 s is judged in the report), short of hanging forever.
 */
const AUTH_TIMEOUT_SECONDS = 120
const DELETE_CAP = 2_000
/** Reset requests of each kind (with and without an account), one address each. */
const RESET_PAIRS = flags.quick ? 10 : 40
const phases = new Set((flags.only ?? 'verify,list,writes,auth,reset,cluster').split(','))
/** A partial or short run is for trying things out: it never overwrites the committed figures. */
const scratch = flags.quick || flags.only !== undefined
/** The web app setting that selects the password hasher (benchmarking only; see the report). */
const HASHER_SETTING = 'AUTH_PASSWORD_HASHER'

/** Raised, never disabled (design.md): high enough for every request this run makes. */
const RAISED_LIMITS = {
  AUTH_RATE_LIMIT_MAX: '100000',
  AUTH_RATE_LIMIT_WINDOW_SECONDS: '60',
  AUTH_LOCKOUT_MAX_FAILURES: '1000',
  API_RATE_LIMIT_MAX: '1000000000',
}

const tmpDir = path.join(repoRoot, 'bench/tmp')
const webDir = path.join(repoRoot, 'apps/web')
const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`
const logDir = path.join(tmpDir, 'logs', runId)
const log = (line: string) => console.log(`bench: ${line}`)
/** Every service's output goes to bench/tmp/logs/<run>/<service>.log, to explain an error afterwards. */
const keepLine = (service: string) => (line: string) =>
  appendFileSync(path.join(logDir, `${service}.log`), `${line}\n`)
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

// --- where the data lives -------------------------------------------------------------------

interface BenchDatabase {
  /** undefined: the stack starts the embedded database in `dataDir`. */
  url: string | undefined
  kind: 'postgres' | 'embedded'
  dataDir: string
  drop(): Promise<void>
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

async function serverAnswers(serverUrl: string): Promise<boolean> {
  try {
    await adminQuery(serverUrl, 'select 1')
    return true
  } catch {
    return false
  }
}

async function prepareDatabase(): Promise<BenchDatabase> {
  const dataDir = path.join(tmpDir, `data-${runId}`)
  const cleanDir = async () => rmSync(dataDir, { recursive: true, force: true })
  if (flags.embedded) return { url: undefined, kind: 'embedded', dataDir, drop: cleanDir }
  if (process.env.DATABASE_URL)
    return { url: process.env.DATABASE_URL, kind: 'postgres', dataDir, drop: cleanDir }
  const serverUrl = process.env.TEST_DATABASE_URL || defaultTestServerUrl
  if (!(await serverAnswers(serverUrl))) {
    log(`no PostgreSQL answers at ${new URL(serverUrl).host}: using the embedded database`)
    return { url: undefined, kind: 'embedded', dataDir, drop: cleanDir }
  }
  const name = `taskwise_bench_${runId}`
  await adminQuery(serverUrl, `create database "${name}"`)
  log(`created database ${name}`)
  return {
    url: withDatabaseName(serverUrl, name),
    kind: 'postgres',
    dataDir,
    async drop() {
      await adminQuery(serverUrl, `drop database if exists "${name}" with (force)`)
      await cleanDir()
    },
  }
}

// --- ports ----------------------------------------------------------------------------------

async function portIsFree(port: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}

async function assertPortFree(port: number, what: string): Promise<void> {
  if (!(await portIsFree(port))) {
    throw new Error(
      `bench: port ${port} (${what}) is in use; stop the process listening there and retry`,
    )
  }
}

// --- the measurements -------------------------------------------------------------------------

function bearer(user: BenchUser): Record<string, string> {
  return { authorization: `Bearer ${user.token}` }
}

async function probe(origin: string, request: LoadRequest): Promise<void> {
  const response = await fetch(`${origin}${request.path}`, {
    method: request.method,
    headers: request.headers,
    body: request.body,
  })
  if (response.status < 200 || response.status > 299) {
    throw new Error(
      `bench: ${request.method} ${request.path} answered ${response.status}: ${(await response.text()).slice(0, 300)}`,
    )
  }
}

/** Our services by name, with their pids, for the CPU time each run costs them. */
const watched = new Map<string, number | undefined>()

function cpuSnapshot(): Map<string, number | null> {
  return new Map([...watched].map(([name, pid]) => [name, treeCpuMs(pid)]))
}

/** A latency for the log; a run with no response has none (NaN, or null once through JSON). */
const fixed = (ms: number | null) => (ms !== null && Number.isFinite(ms) ? ms.toFixed(2) : 'n/a')

/** Labels of the runs in which some requests failed (each error is counted in the results). */
const failedRuns: string[] = []

/** Of repeated runs, the one with the median throughput (the lower middle for an even count). */
function medianByThroughput(results: LoadResult[]): LoadResult {
  const sorted = [...results].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)
  const middle = sorted[Math.ceil(sorted.length / 2) - 1]
  if (!middle) throw new Error('bench: no run to take a median of')
  return middle
}

async function measure(label: string, spec: LoadSpec): Promise<LoadResult> {
  const before = cpuSnapshot()
  const result = await runLoad(spec)
  const after = cpuSnapshot()
  const serverCpuMs: Record<string, number> = {}
  for (const [name, start] of before) {
    const end = after.get(name)
    if (start !== null && end !== null && end !== undefined) serverCpuMs[name] = end - start
  }
  result.serverCpuMs = serverCpuMs
  if (result.errors > 0) failedRuns.push(`${label} (${result.errors})`)
  const r = result.latencyMs
  const cpu = Object.entries(serverCpuMs)
    .filter(([, ms]) => ms >= 10)
    .map(([name, ms]) => `${name} ${Math.round(ms)}`)
    .join(', ')
  log(
    `${label}: ${Math.round(result.requestsPerSecond)} req/s, p50 ${fixed(r.p50)} ms, p95 ${fixed(r.p95)} ms, p99 ${fixed(r.p99)} ms, ` +
      `wall ${Math.round(result.wallMs)} ms, errors ${result.errors}${result.failures.length ? ` (${result.failures.join(', ')})` : ''}; CPU ms: ${cpu}`,
  )
  await pause(1_000)
  return result
}

async function authBursts(
  webOrigin: string,
  webUrl: string,
  hasher: AuthBurst['hasher'],
  users: BenchUser[],
): Promise<AuthBurst[]> {
  const headers = authHeaders(webUrl)
  const signIn: AuthBurst = {
    hasher,
    operation: 'sign-in',
    concurrency: AUTH_CONCURRENCY,
    rounds: [],
  }
  const registration: AuthBurst = {
    hasher,
    operation: 'register',
    concurrency: AUTH_CONCURRENCY,
    rounds: [],
  }
  for (let round = 0; round < AUTH_ROUNDS; round += 1) {
    const logins: LoadRequest[] = users.map((user) => ({
      method: 'POST',
      path: '/api/auth/login',
      headers,
      body: JSON.stringify({ email: user.email, password: user.password }),
    }))
    signIn.rounds.push(
      await measure(`${hasher} ${AUTH_CONCURRENCY} sign-ins, round ${round + 1}`, {
        url: webOrigin,
        connections: AUTH_CONCURRENCY,
        mode: 'once',
        timeoutSeconds: AUTH_TIMEOUT_SECONDS,
        requests: logins,
      }),
    )
    const password = users[0]?.password ?? ''
    const registrations: LoadRequest[] = users.map((_, index) => ({
      method: 'POST',
      path: '/api/auth/register',
      headers,
      body: JSON.stringify({
        email: `bench-${runId}-${hasher}-r${round}-${index}@example.com`,
        password,
        name: 'Bench',
      }),
    }))
    registration.rounds.push(
      await measure(`${hasher} ${AUTH_CONCURRENCY} registrations, round ${round + 1}`, {
        url: webOrigin,
        connections: AUTH_CONCURRENCY,
        mode: 'once',
        timeoutSeconds: AUTH_TIMEOUT_SECONDS,
        requests: registrations,
      }),
    )
  }
  return [signIn, registration]
}

async function registerUsers(
  webUrl: string,
  kind: string,
  count: number,
  password: string,
): Promise<BenchUser[]> {
  const emails = Array.from(
    { length: count },
    (_, index) => `bench-${runId}-${kind}-${index}@example.com`,
  )
  return mapConcurrent(emails, 4, (email) => register(webUrl, email, password))
}

/** The stored hash of a user's password tells which hasher the web instance really used. */
async function storedHashKind(
  databaseUrl: string,
  userId: string,
): Promise<'argon2id' | 'scrypt' | 'unknown'> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query<{ password: string | null }>(
      `select password from account where user_id = $1 and provider_id = 'credential'`,
      [userId],
    )
    const stored = rows[0]?.password ?? ''
    if (stored.startsWith('$argon2id$')) return 'argon2id'
    // Better Auth's scrypt format: a 16-byte salt and a 64-byte key, in hex.
    return /^[0-9a-f]{32}:[0-9a-f]{128}$/.test(stored) ? 'scrypt' : 'unknown'
  } finally {
    await client.end()
  }
}

async function explainListQuery(
  databaseUrl: string,
  floorUrl: string,
  userId: string,
): Promise<BenchResults['listQuery']> {
  const response = await fetch(`${floorUrl}/query`)
  const query = (await response.json()) as { text: string; params: unknown[]; userIndex: number }
  const params = [...query.params]
  params[query.userIndex] = userId
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, buffers) ${query.text}`,
      params,
    )
    return { sql: query.text, plan: rows.map((row) => row['QUERY PLAN']) }
  } finally {
    await client.end()
  }
}

// --- the run ----------------------------------------------------------------------------------

async function main(): Promise<void> {
  const startedAt = new Date()
  const loadAtStart = loadAverage()
  const pressureAtStart = cpuPressure()
  mkdirSync(logDir, { recursive: true })
  const notes: string[] = []
  const cleanups: (() => Promise<void>)[] = []
  const cleanUp = async () => {
    for (const cleanup of cleanups.reverse())
      await cleanup().catch((error: unknown) => console.error('bench: cleanup failed:', error))
    cleanups.length = 0
  }
  process.once('SIGINT', () => void cleanUp().then(() => process.exit(130)))

  try {
    // Ports of the benchmark's own, so that it never takes the launcher's (3000/4000) or the e2e
    // tests' (3100/4100). The launcher rebuilds the web app when its build rewrites task routes
    // to another api address (Next bakes that address into the build).
    await assertPortFree(API_PORT, 'the api')
    await assertPortFree(WEB_PORT, 'the web app')
    await assertPortFree(FLOOR_PORT, 'the floor')

    const database = await prepareDatabase()
    cleanups.push(() => database.drop())
    const secret = randomBytes(32).toString('base64url')
    const webUrl = `http://localhost:${WEB_PORT}`
    const webOrigin = `http://127.0.0.1:${WEB_PORT}`
    const profileDir = path.join(tmpDir, 'profiles')
    const profileEnv: Record<string, string> = flags['cpu-prof']
      ? {
          NODE_OPTIONS: `--import ${path.join(repoRoot, 'scripts/src/bench/cpu-profile.mjs')}`,
          BENCH_PROFILE_DIR: profileDir,
        }
      : {}
    const settings = readSettings({
      ...process.env,
      DATABASE_URL: database.url,
      TASKWISE_DATA_DIR: database.dataDir,
      WEB_PORT: String(WEB_PORT),
      API_PORT: String(API_PORT),
      BETTER_AUTH_URL: webUrl,
      BETTER_AUTH_SECRET: secret,
    })
    const serviceEnv = {
      ...RAISED_LIMITS,
      API_DB_POOL_MAX: String(API_POOL_MAX),
      // The app as configured by default, whatever this shell's environment says.
      [HASHER_SETTING]: 'argon2id',
      ...profileEnv,
    }

    log(`starting the stack (web :${WEB_PORT}, api :${API_PORT}, ${database.kind} database)…`)
    const stack: Stack = await startStack({
      settings,
      quiet: true,
      env: serviceEnv,
      log,
      onServiceLine: (service, line) => keepLine(service)(line),
    })
    cleanups.push(() => stack.stop())
    const [api, web] = stack.services as [Service, Service]
    watched.set('api', api.child.pid).set('web', web.child.pid)

    const floorUrl = `http://127.0.0.1:${FLOOR_PORT}`
    const floor = startService(
      'floor',
      process.execPath,
      ['--import', 'tsx', path.join(repoRoot, 'scripts/src/bench/floor-server.ts')],
      {
        cwd: repoRoot,
        env: {
          ...process.env,
          ...profileEnv,
          FLOOR_DATABASE_URL: stack.databaseUrl,
          FLOOR_PORT: String(FLOOR_PORT),
          FLOOR_POOL_MAX: String(API_POOL_MAX),
          FLOOR_LIST_LIMIT: String(LIST_LIMIT),
        },
        quiet: true,
        onLine: keepLine('floor'),
      },
    )
    cleanups.push(() => stopService(floor))
    watched.set('floor', floor.child.pid)
    await waitForOk(`${floorUrl}/health`, floor, 60_000)

    await pause(2_000)
    const idle = new Map<string, number | null>([
      ['api', treeRssMiB(api.child.pid)],
      ['web (web server)', treeRssMiB(web.child.pid)],
      ['floor', treeRssMiB(floor.child.pid)],
    ])
    log(`idle RSS: ${[...idle].map(([name, mib]) => `${name} ${mib?.toFixed(0)} MiB`).join(', ')}`)

    // Seed through the real endpoints.
    const password = `Bq7!${randomBytes(9).toString('base64url')}`
    log('seeding users and tasks through the register endpoint and the api…')
    const listUsers = await registerUsers(webUrl, 'list', LIST_USERS, password)
    const writeUsers = await registerUsers(webUrl, 'write', WRITE_USERS, password)
    const owners = [...listUsers, ...writeUsers].flatMap((user) =>
      Array.from({ length: LIST_LIMIT }, (_, index) => ({ user, index })),
    )
    const seeded = await mapConcurrent(owners, 8, ({ user, index }) =>
      createTask(stack.apiUrl, user, seedTask(index)),
    )
    const writeTasks = seeded.filter((task) => writeUsers.some((user) => user.id === task.userId))
    const [firstUser] = listUsers as [BenchUser]

    let verification: VerifyResult | null = null
    if (phases.has('verify')) {
      // 1. Token verification, in process.
      log('timing token verification in process…')
      verification = await runVerify({
        jwksUrl: `${webOrigin}/api/auth/jwks`,
        issuer: webUrl,
        token: firstUser.token,
        expectedUserId: firstUser.id,
        warmup: 5_000,
        iterations: flags.quick ? 5_000 : 20_000,
      })
      const alone = verification.signatureOnly.latencyMs
      log(
        `verification: ${Math.round(verification.opsPerSecond)} ops/s, p50 ${verification.latencyMs.p50.toFixed(3)} ms, p99 ${verification.latencyMs.p99.toFixed(3)} ms` +
          ` (the signature alone: p50 ${alone.p50.toFixed(3)} ms, p99 ${alone.p99.toFixed(3)} ms)`,
      )
    }

    const timing = { durationSeconds: DURATION_SECONDS, warmupSeconds: WARMUP_SECONDS }
    const list: ListRun[] = []
    if (phases.has('list')) {
      // 2 and 4. The list: the floor, the api, the web origin, interleaved per connection count.
      const listPath = (user: BenchUser) => `/api/${user.id}/tasks?limit=${LIST_LIMIT}`
      const apiList: LoadRequest[] = listUsers.map((user) => ({
        method: 'GET',
        path: listPath(user),
        headers: bearer(user),
      }))
      const webList: LoadRequest[] = listUsers.map((user) => ({
        method: 'GET',
        path: listPath(user),
        headers: { cookie: `${JWT_COOKIE_NAME}=${user.token}` },
      }))
      await checkList(`${floorUrl}${listPath(firstUser)}`, {}, LIST_LIMIT)
      await checkList(`${stack.apiUrl}${listPath(firstUser)}`, bearer(firstUser), LIST_LIMIT)
      const cookie = `${JWT_COOKIE_NAME}=${firstUser.token}`
      await checkList(`${webOrigin}${listPath(firstUser)}`, { cookie }, LIST_LIMIT)
      for (const connections of [10, 50]) {
        const targets: [ListRun['target'], string, LoadRequest[]][] = [
          ['floor', floorUrl, apiList],
          ['api', stack.apiUrl, apiList],
          ['web', webOrigin, webList],
        ]
        const rounds = new Map<ListRun['target'], LoadResult[]>(targets.map(([t]) => [t, []]))
        for (let round = 0; round < LIST_ROUNDS; round += 1) {
          // Each round starts with another target, so that none always runs first or last.
          const order = [...targets.slice(round % 3), ...targets.slice(0, round % 3)]
          for (const [target, url, requests] of order) {
            const result = await measure(
              `list via ${target}, ${connections} connections, round ${round + 1}`,
              { url, connections, mode: 'cycle', requests, ...timing },
            )
            rounds.get(target)?.push(result)
          }
        }
        for (const [target] of targets) {
          const results = rounds.get(target) ?? []
          list.push({ target, connections, result: medianByThroughput(results), rounds: results })
        }
      }
    }

    // 7. The list through nginx in front of two api and two web instances, against the web origin.
    const cluster: ClusterListRun[] = !phases.has('cluster')
      ? []
      : await measureClusterList({
          settings,
          databaseUrl: stack.databaseUrl,
          port: CLUSTER_PORT,
          runDir: path.join(tmpDir, `cluster-${runId}`),
          env: { ...serviceEnv, API_DB_POOL_MAX: String(API_POOL_MAX / 2), LOG_LEVEL: 'warn' },
          users: listUsers,
          webOrigin,
          listLimit: LIST_LIMIT,
          rounds: LIST_ROUNDS,
          timing,
          measure,
          watch: (name, pid) => watched.set(name, pid),
          median: medianByThroughput,
          log,
          onServiceLine: (service, line) => keepLine(`cluster-${service}`)(line),
        })
    for (const name of [...watched.keys()].filter((key) => key.startsWith('cluster '))) {
      watched.delete(name)
    }

    const writes: WriteRun[] = []
    if (phases.has('writes')) {
      // 3. Writes, at 10 connections, on the write users' tasks (the list users' stay at 50).
      const json = (user: BenchUser) => ({ ...bearer(user), 'content-type': 'application/json' })
      const userOf = (userId: string) => writeUsers.find((user) => user.id === userId) as BenchUser
      const creates: LoadRequest[] = writeUsers.map((user, index) => ({
        method: 'POST',
        path: `/api/${user.id}/tasks`,
        headers: json(user),
        body: JSON.stringify(seedTask(index)),
      }))
      const updates: LoadRequest[] = writeTasks.map((task) => ({
        method: 'PUT',
        path: `/api/${task.userId}/tasks/${task.id}`,
        headers: json(userOf(task.userId)),
        body: JSON.stringify({ title: `Updated: ${task.title}`.slice(0, 200), priority: 'high' }),
      }))
      const completes: LoadRequest[] = writeTasks.map((task) => ({
        method: 'PATCH',
        path: `/api/${task.userId}/tasks/${task.id}/complete`,
        headers: bearer(userOf(task.userId)),
      }))
      for (const [operation, requests] of [
        ['create', creates],
        ['update', updates],
        ['complete', completes],
      ] as const) {
        await probe(stack.apiUrl, requests[0] as LoadRequest)
        const result = await measure(`${operation}, 10 connections`, {
          url: stack.apiUrl,
          connections: 10,
          mode: 'cycle',
          requests,
          ...timing,
        })
        writes.push({ operation, connections: 10, result })
      }
      const pool = new pg.Pool({ connectionString: stack.databaseUrl, max: 1 })
      const { rows: doomed } = await pool.query<{ id: string; user_id: string }>(
        'select id, user_id from task where user_id = any($1::uuid[]) limit $2',
        [writeUsers.map((user) => user.id), DELETE_CAP],
      )
      await pool.end()
      const deletes: LoadRequest[] = doomed.map((row) => ({
        method: 'DELETE',
        path: `/api/${row.user_id}/tasks/${row.id}`,
        headers: bearer(userOf(row.user_id)),
      }))
      writes.push({
        operation: 'delete',
        connections: 10,
        result: await measure(`delete ${deletes.length} tasks, 10 connections`, {
          url: stack.apiUrl,
          connections: 10,
          mode: 'once',
          requests: deletes,
        }),
      })
    }

    const auth: AuthBurst[] = []
    let hashing: HashTiming[] = []
    if (phases.has('auth')) {
      // The hashing alone, for scale: what 100 verifications cost with nothing around them.
      hashing = await runHashing({
        hashers: ['argon2id', 'scrypt'],
        password,
        sequential: 10,
        concurrency: AUTH_CONCURRENCY,
      })
      for (const timing of hashing) {
        log(
          `${timing.hasher} alone: one verification ${timing.oneMs.toFixed(1)} ms, ${timing.concurrency} at once all done in ${Math.round(timing.burstWallMs)} ms`,
        )
      }
      // 5. Concurrent authentication: argon2id (the app as configured), then Better Auth's default.
      log(`registering ${AUTH_CONCURRENCY} users to sign in…`)
      const authUsers = await registerUsers(webUrl, 'auth', AUTH_CONCURRENCY, password)
      const kind = await storedHashKind(stack.databaseUrl, (authUsers[0] as BenchUser).id)
      if (kind !== 'argon2id')
        throw new Error(`bench: the web app stored a ${kind} hash where argon2id was expected`)
      auth.push(...(await authBursts(webOrigin, webUrl, 'argon2id', authUsers)))
    }

    let passwordReset: ResetTiming | null = null
    if (phases.has('reset')) {
      // 6. A reset request costs the same for an address with an account and one without.
      log(`registering ${RESET_PAIRS} users to ask for reset links…`)
      const resetUsers = await registerUsers(webUrl, 'reset', RESET_PAIRS, password)
      passwordReset = await measureResetTiming(
        webUrl,
        resetUsers.map((user) => user.email),
        (index) => `bench-${runId}-nobody-${index}@example.com`,
      )
      log(
        `forgot-password median: ${passwordReset.known.p50.toFixed(1)} ms with an account, ${passwordReset.unknown.p50.toFixed(1)} ms without (ratio ${passwordReset.medianRatio.toFixed(2)})`,
      )
    }

    const loaded = new Map<string, number | null>([
      ['api', treeRssMiB(api.child.pid)],
      ['web (web server)', treeRssMiB(web.child.pid)],
      ['floor', treeRssMiB(floor.child.pid)],
    ])

    let scryptIdle: number | null = null
    let scryptLoaded: number | null = null
    if (phases.has('auth')) {
      const scryptUrl = `http://localhost:${SCRYPT_WEB_PORT}`
      await assertPortFree(SCRYPT_WEB_PORT, 'the second web instance (scrypt)')
      const scryptWeb = startService('web-scrypt', process.execPath, webServerArgs(), {
        cwd: webDir,
        env: {
          ...process.env,
          ...RAISED_LIMITS,
          NEXT_TELEMETRY_DISABLED: '1',
          NODE_ENV: 'production',
          DATABASE_URL: stack.databaseUrl,
          BETTER_AUTH_URL: scryptUrl,
          BETTER_AUTH_SECRET: secret,
          API_URL: stack.apiUrl,
          WEB_PORT: String(SCRYPT_WEB_PORT),
          [HASHER_SETTING]: 'scrypt',
          // Its mail (none is sent by sign-ups) would go to the run's outbox, never over SMTP.
          MAIL_TRANSPORT: 'outbox',
          MAIL_OUTBOX_DIR: path.join(tmpDir, 'outbox', runId),
        },
        quiet: true,
        onLine: keepLine('web-scrypt'),
      })
      cleanups.push(() => stopService(scryptWeb))
      watched.set('web-scrypt', scryptWeb.child.pid)
      await waitForOk(`http://127.0.0.1:${SCRYPT_WEB_PORT}/`, scryptWeb, 120_000)
      scryptIdle = treeRssMiB(scryptWeb.child.pid)
      log('registering users on the scrypt instance…')
      const scryptUsers = await registerUsers(scryptUrl, 'scrypt', AUTH_CONCURRENCY, password)
      const kind = await storedHashKind(stack.databaseUrl, (scryptUsers[0] as BenchUser).id)
      if (kind !== 'scrypt') {
        throw new Error(
          `bench: the instance started with ${HASHER_SETTING}=scrypt stored a ${kind} hash; the comparison would be meaningless`,
        )
      }
      auth.push(
        ...(await authBursts(
          `http://127.0.0.1:${SCRYPT_WEB_PORT}`,
          scryptUrl,
          'scrypt',
          scryptUsers,
        )),
      )
      scryptLoaded = treeRssMiB(scryptWeb.child.pid)
    }
    if (failedRuns.length > 0) {
      notes.push(
        `Requests failed in: ${failedRuns.join('; ')}. The services' output of this run was kept in bench/tmp/logs/${runId}/ (not committed).`,
      )
    }

    const memory: MemoryReading[] = [...idle].map(([service, idleMiB]) => ({
      service,
      idleMiB,
      loadedMiB: loaded.get(service) ?? null,
    }))
    memory.push({
      service: 'web (web server), scrypt instance',
      idleMiB: scryptIdle,
      loadedMiB: scryptLoaded,
    })

    const listQuery = await explainListQuery(stack.databaseUrl, floorUrl, firstUser.id)
    const results: BenchResults = {
      date: startedAt.toISOString(),
      command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
      machine: await machineInfo(stack.databaseUrl, database.kind, loadAtStart, pressureAtStart),
      settings: {
        durationSeconds: DURATION_SECONDS,
        warmupSeconds: WARMUP_SECONDS,
        apiPoolMax: API_POOL_MAX,
        listLimit: LIST_LIMIT,
        usersWithTasks: LIST_USERS,
        listRounds: LIST_ROUNDS,
        authRounds: AUTH_ROUNDS,
      },
      verification,
      hashing,
      list,
      cluster,
      writes,
      auth,
      passwordReset,
      memory,
      listQuery,
      notes,
    }
    await cleanUp()

    const outDir = scratch ? tmpDir : path.join(repoRoot, 'bench')
    const markdownPath = scratch
      ? path.join(tmpDir, 'BENCHMARKS.md')
      : path.join(repoRoot, 'BENCHMARKS.md')
    writeFileSync(path.join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`)
    writeFileSync(markdownPath, renderMarkdown(results))
    log(
      `wrote ${path.relative(repoRoot, path.join(outDir, 'results.json'))} and ${path.relative(repoRoot, markdownPath)}`,
    )
    if (flags['cpu-prof'] && existsSync(profileDir))
      log(`CPU profiles in ${path.relative(repoRoot, profileDir)}`)
  } finally {
    await cleanUp()
  }
}

await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
