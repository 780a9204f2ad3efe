import { randomBytes } from 'node:crypto'
import { appendFileSync, existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { repoRoot } from '@taskwise/db/paths'
import type { BenchUser } from './bench/client'
import {
  API_POOL_MAX,
  API_PORT,
  FLOOR_PORT,
  HASHER_SETTING,
  LIST_LIMIT,
  LIST_USERS,
  PHASES,
  RAISED_LIMITS,
  WEB_PORT,
  runSizes,
} from './bench/constants'
import { flags } from './bench/flags'
import { assertPortFree, type BenchContext } from './bench/context'
import { explainListQuery, prepareDatabase } from './bench/database'
import { startFloor } from './bench/floor'
import { cpuPressure, loadAverage, machineInfo } from './bench/machine'
import { createMeasurer, pause } from './bench/measure'
import { memoryReadings, treeRssMiB } from './bench/memory'
import { writeResults } from './bench/output'
import { clusterPhase } from './bench/phases/cluster'
import { hashingPhase } from './bench/phases/hashing'
import { listPhase } from './bench/phases/list'
import { pagesPhase } from './bench/phases/pages'
import { resetPhase } from './bench/phases/reset'
import { scaleRun } from './bench/phases/scale'
import { scryptPhase } from './bench/phases/scrypt'
import { signInsPhase } from './bench/phases/sign-ins'
import { verifyPhase } from './bench/phases/verify'
import { writesPhase } from './bench/phases/writes'
import { seedUsers } from './bench/seed'
import type { BenchResults } from './bench/results'
import type { Service } from './lib/processes'
import { readSettings } from './lib/settings'
import { startStack, type Stack } from './lib/stack'

/**
 * `npm run bench`: the seed's performance targets and ours, measured side by side in one run on
 * the real stack (docs/decisions/0300-benchmark-harness.md). Not part of the test suite. Each
 * phase is a module of bench/phases/; this file starts and stops the stack and writes the results.
 *
 *   npm run bench                 a fresh database on the local PostgreSQL (TEST_DATABASE_URL or
 *                                 postgres://postgres@127.0.0.1:5432), dropped at the end; when no
 *                                 server answers there, the embedded database (as `npm test` does)
 *   DATABASE_URL=… npm run bench  that database, as it is (the seeded rows stay)
 *   npm run bench -- --embedded   the embedded database (PGlite), in a fresh folder under bench/tmp
 *   npm run bench -- --quick      short runs to try the harness; writes only to bench/tmp
 *   npm run bench -- --cpu-prof   also writes CPU profiles of the services to bench/tmp/profiles
 *   npm run bench -- --only=auth  only some phases (pages, verify, list, writes, auth, reset, cluster, scale)
 *   npm run bench -- --scale      also the scale phase (a user with 50,000 tasks among 1 M, on
 *                                 PostgreSQL and PGlite; ~10 minutes): see bench/phases/scale.ts
 *   npm run bench -- --render     only renders BENCHMARKS.md again from bench/results.json
 */

const sizes = runSizes(flags.quick)
const phases = new Set((flags.only ?? PHASES).split(','))
if (flags.scale) phases.add('scale')
/** A partial or short run is for trying things out: it never overwrites the committed figures. */
const scratch = flags.quick || flags.only !== undefined
const tmpDir = path.join(repoRoot, 'bench/tmp')
const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`
const logDir = path.join(tmpDir, 'logs', runId)
const log = (line: string) => console.log(`bench: ${line}`)
/** Every service's output goes to bench/tmp/logs/<run>/<service>.log, to explain an error afterwards. */
const keepLine = (service: string) => (line: string) =>
  appendFileSync(path.join(logDir, `${service}.log`), `${line}\n`)

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
  const { measure, watched, failedRuns } = createMeasurer(log)
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`

  try {
    if (phases.delete('scale')) {
      // First, in stacks and databases of its own; its figures are a run of their own (0306).
      await scaleRun({ quick: flags.quick, tmpDir, runId, command, log, keepLine, cleanups })
      if (phases.size === 0) return
    }
    await assertPortFree(API_PORT, 'the api')
    await assertPortFree(WEB_PORT, 'the web app')
    await assertPortFree(FLOOR_PORT, 'the floor')

    const database = await prepareDatabase({ embedded: flags.embedded, tmpDir, runId, log })
    cleanups.push(() => database.drop())
    const secret = randomBytes(32).toString('base64url')
    const webUrl = `http://localhost:${WEB_PORT}`
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
    const floor = await startFloor({
      databaseUrl: stack.databaseUrl,
      env: profileEnv,
      onLine: keepLine('floor'),
    })
    cleanups.push(floor.stop)
    watched.set('floor', floor.service.child.pid)

    await pause(2_000)
    const rss = () =>
      new Map<string, number | null>([
        ['api', treeRssMiB(api.child.pid)],
        ['web (web server)', treeRssMiB(web.child.pid)],
        ['floor', treeRssMiB(floor.service.child.pid)],
      ])
    const idle = rss()
    log(`idle RSS: ${[...idle].map(([name, mib]) => `${name} ${mib?.toFixed(0)} MiB`).join(', ')}`)

    // Seed through the real endpoints.
    const password = `Bq7!${randomBytes(9).toString('base64url')}`
    log('seeding users and tasks through the register endpoint and the api…')
    const seed = await seedUsers({ runId, webUrl, apiUrl: stack.apiUrl, password })
    const context: BenchContext = {
      sizes,
      runId,
      tmpDir,
      log,
      keepLine,
      measure,
      watched,
      cleanups,
      settings,
      stack,
      serviceEnv,
      secret,
      webUrl,
      webOrigin: `http://127.0.0.1:${WEB_PORT}`,
      floorUrl: floor.url,
      password,
      ...seed,
      timing: { durationSeconds: sizes.durationSeconds, warmupSeconds: sizes.warmupSeconds },
    }

    // Lighthouse first, while nothing else of the run loads the machine.
    const pages = phases.has('pages') ? await pagesPhase(context) : []
    const verification = phases.has('verify') ? await verifyPhase(context) : null
    const list = phases.has('list') ? await listPhase(context) : []
    const cluster = phases.has('cluster') ? await clusterPhase(context) : []
    const writes = phases.has('writes') ? await writesPhase(context) : []
    const hashing = phases.has('auth') ? await hashingPhase(context) : []
    const auth = phases.has('auth') ? await signInsPhase(context) : []
    const passwordReset = phases.has('reset') ? await resetPhase(context) : null
    const loaded = rss()
    const scrypt = phases.has('auth')
      ? await scryptPhase(context)
      : { auth: [], idleMiB: null, loadedMiB: null }
    auth.push(...scrypt.auth)
    if (failedRuns.length > 0) {
      notes.push(
        `Requests failed in: ${failedRuns.join('; ')}. The services' output of this run was kept in bench/tmp/logs/${runId}/ (not committed).`,
      )
    }

    const memory = memoryReadings(idle, loaded, scrypt)
    const firstUserId = (seed.listUsers[0] as BenchUser).id
    const listQuery = await explainListQuery(stack.databaseUrl, floor.url, firstUserId)
    const results: BenchResults = {
      date: startedAt.toISOString(),
      command,
      machine: await machineInfo(stack.databaseUrl, database.kind, loadAtStart, pressureAtStart),
      settings: {
        durationSeconds: sizes.durationSeconds,
        warmupSeconds: sizes.warmupSeconds,
        apiPoolMax: API_POOL_MAX,
        listLimit: LIST_LIMIT,
        usersWithTasks: LIST_USERS,
        listRounds: sizes.listRounds,
        authRounds: sizes.authRounds,
      },
      pages,
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

    writeResults(results, { scratch, tmpDir, log })
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
