import { randomBytes } from 'node:crypto'
import { cpus } from 'node:os'
import { createDatabase, createPool } from '@taskwise/db/client'
import type pg from 'pg'
import { readSettings } from '../../lib/settings'
import { startStack } from '../../lib/stack'
import { runJsonChild } from '../child'
import { createTask, mapConcurrent, register, seedTask, type BenchUser } from '../client'
import {
  API_POOL_MAX,
  LIST_LIMIT,
  RAISED_LIMITS,
  SCALE_API_PORT,
  SCALE_WEB_PORT,
} from '../constants'
import { assertPortFree } from '../context'
import { prepareDatabase } from '../database'
import { cpuPressure, loadAverage } from '../machine'
import { bearer } from '../measure'
import { writeScaleResults } from '../output'
import type { ScaleDatabaseRun, ScaleResults } from '../results'
import { explainVariant } from '../scale-explain'
import { SCALE_SEARCHES, SCALE_SEED, SCALE_SEED_QUICK, seedScale } from '../scale-seed'
import {
  scaleVariants,
  variantPath,
  type ScaleRunSpec,
  type ScaleSamples,
  type ScaleVariant,
} from '../scale-variants'

export interface ScaleOptions {
  quick: boolean
  tmpDir: string
  runId: string
  /** The command line, for the report. */
  command: string
  log(line: string): void
  keepLine(service: string): (line: string) => void
  /** Also given each database's stop, in case the run is interrupted. */
  cleanups: (() => Promise<void>)[]
}

/**
 * The scale phase (`--scale`, `--only=scale`; docs/decisions/0306-scale-benchmark.md): a user
 * with 50,000 tasks in a table of a million, every list variant through the real api, on
 * PostgreSQL and on the embedded database (PGlite), each in a stack and a database of its own (the
 * other phases' figures never see these rows). Writes bench/scale-results.json.
 */
export async function scaleRun(options: ScaleOptions): Promise<void> {
  writeScaleResults(await scalePhase(options), {
    scratch: options.quick,
    tmpDir: options.tmpDir,
    log: options.log,
  })
}

async function scalePhase(options: ScaleOptions): Promise<ScaleResults> {
  const started = new Date()
  const runs = await measureEach(options)
  return {
    date: started.toISOString(),
    command: options.command,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    node: process.version,
    wallSeconds: (Date.now() - started.getTime()) / 1000,
    runs,
  }
}

async function measureEach(options: ScaleOptions): Promise<ScaleDatabaseRun[]> {
  const runs: ScaleDatabaseRun[] = []
  for (const embedded of [false, true]) {
    const database = await prepareDatabase({
      embedded,
      tmpDir: options.tmpDir,
      runId: `${options.runId}_scale`,
      log: options.log,
    })
    // Without a PostgreSQL server the first pass already used the embedded database.
    if (embedded && runs.some((run) => run.database === 'embedded')) break
    const drop = () => database.drop()
    options.cleanups.push(drop)
    try {
      runs.push(await measureDatabase(options, database.url, database.dataDir, database.kind))
    } finally {
      await drop()
      options.cleanups.splice(options.cleanups.indexOf(drop), 1)
    }
  }
  return runs
}

async function measureDatabase(
  options: ScaleOptions,
  url: string | undefined,
  dataDir: string,
  kind: ScaleDatabaseRun['database'],
): Promise<ScaleDatabaseRun> {
  const { log } = options
  await assertPortFree(SCALE_WEB_PORT, 'the scale phase’s web app')
  await assertPortFree(SCALE_API_PORT, 'the scale phase’s api')
  const webUrl = `http://localhost:${SCALE_WEB_PORT}`
  const settings = readSettings({
    ...process.env,
    DATABASE_URL: url,
    TASKWISE_DATA_DIR: dataDir,
    WEB_PORT: String(SCALE_WEB_PORT),
    API_PORT: String(SCALE_API_PORT),
    BETTER_AUTH_URL: webUrl,
    BETTER_AUTH_SECRET: randomBytes(32).toString('base64url'),
  })
  log(
    `scale (${kind}): starting a stack of its own (web :${SCALE_WEB_PORT}, api :${SCALE_API_PORT})…`,
  )
  const stack = await startStack({
    settings,
    quiet: true,
    env: { ...RAISED_LIMITS, API_DB_POOL_MAX: String(API_POOL_MAX) },
    log,
    onServiceLine: (service, line) => options.keepLine(`scale-${kind}-${service}`)(line),
  })
  // EXPLAIN ANALYZE of a slow variant may take longer than the services' 10 s.
  const pool = createPool(stack.databaseUrl, { max: 2, statementTimeoutMillis: 300_000 })
  try {
    const password = `Bq7!${randomBytes(9).toString('base64url')}`
    const email = (who: string) => `bench-${options.runId}-scale-${who}@example.com`
    const measured = await register(webUrl, email('measured'), password)
    const fresh = await register(webUrl, email('new'), password)
    await mapConcurrent(
      Array.from({ length: LIST_LIMIT }, (_, index) => index),
      4,
      (index) => createTask(stack.apiUrl, fresh, seedTask(index)),
    )
    const size = options.quick ? SCALE_SEED_QUICK : SCALE_SEED
    log(`scale (${kind}): seeding ${size.totalTasks.toLocaleString('en-US')} tasks…`)
    const seedStarted = Date.now()
    await seedScale(stack.databaseUrl, measured.id, {
      size,
      maintenanceWorkMem: kind === 'embedded' ? '64MB' : '256MB',
    })
    const seedSeconds = (Date.now() - seedStarted) / 1000
    log(`scale (${kind}): seeded in ${seedSeconds.toFixed(0)} s`)
    const tasks = await countTasks(pool, measured.id)

    const variants = await scaleVariants(createDatabase(pool), measured.id)
    const userOf = (variant: ScaleVariant) => (variant.user === 'new' ? fresh : measured)
    const items = await checkVariants(stack.apiUrl, variants, userOf)
    log(`scale (${kind}): plans of ${variants.length} list variants…`)
    const plans = []
    for (const variant of variants)
      plans.push(await explainVariant(pool, variant, userOf(variant).id))

    const spec: ScaleRunSpec = {
      url: stack.apiUrl,
      variants: variants.map((variant) => ({
        name: variant.name,
        path: variantPath(variant, userOf(variant).id),
        headers: bearer(userOf(variant)),
      })),
      burst: 3,
      minRounds: 3,
      seconds: options.quick ? 10 : 60,
    }
    log(`scale (${kind}): measuring, variants taking turns for ${spec.seconds} s…`)
    const loadAtStart = loadAverage()
    const pressureAtStart = cpuPressure()
    const measuredRun = await runJsonChild<{ rounds: number; variants: ScaleSamples[] }>(
      'scale-runner.ts',
      spec,
    )
    const { rows } = await pool.query<{ version: string }>('select version()')
    return {
      database: kind,
      version: (rows[0]?.version ?? 'unknown').split(' on ')[0] ?? 'unknown',
      seedSeconds,
      tasks,
      rounds: measuredRun.rounds,
      burst: spec.burst,
      loadAverage: { start: loadAtStart, end: loadAverage() },
      cpuPressure: { start: pressureAtStart, end: cpuPressure() },
      variants: measuredRun.variants.map((samples, index) => ({
        ...samples,
        group: (variants[index] as ScaleVariant).group,
        items: items[index] ?? 0,
      })),
      plans,
    }
  } finally {
    await pool.end()
    await stack.stop()
  }
}

async function countTasks(pool: pg.Pool, userId: string): Promise<ScaleDatabaseRun['tasks']> {
  const { rows } = await pool.query<{ total: number; user: number }>(
    'select count(*)::int as total, (count(*) filter (where user_id = $1))::int as user from task',
    [userId],
  )
  return rows[0] ?? { total: 0, user: 0 }
}

/** Each variant answers 200 with a full page (a search for a word nobody uses: none). */
async function checkVariants(
  apiUrl: string,
  variants: ScaleVariant[],
  userOf: (variant: ScaleVariant) => BenchUser,
): Promise<number[]> {
  const counts: number[] = []
  for (const variant of variants) {
    const user = userOf(variant)
    const response = await fetch(`${apiUrl}${variantPath(variant, user.id)}`, {
      headers: bearer(user),
    })
    const body = (await response.json()) as { items?: unknown[] }
    const count = body.items?.length ?? -1
    const expected = variant.query.q === SCALE_SEARCHES.none ? 0 : LIST_LIMIT
    if (response.status !== 200 || count !== expected) {
      throw new Error(
        `bench: "${variant.name}" answered ${response.status} with ${count} tasks, expected ${expected}`,
      )
    }
    counts.push(count)
  }
  return counts
}
