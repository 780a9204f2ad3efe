import { randomBytes } from 'node:crypto'
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { defaultTestServerUrl, withDatabaseName } from '@taskwise/db/testing'
import pg from 'pg'
import { clusterPorts, startCluster } from '../lib/cluster'
import { readSettings } from '../lib/settings'
import { runSoak, type SoakFigures, type SoakOptions } from './run'

/**
 * The soak on a cluster of its own: a fresh database on the local PostgreSQL server (dropped at
 * the end), a fresh folder for nginx and the mail outbox, two api and two web instances on
 * loopback ports from SOAK_PORT. Shared by `npm run soak` and the short soak in `npm test`.
 */

export interface FreshSoakOptions extends Omit<SoakOptions, 'cluster'> {
  /** nginx's port; the instances take the four after it. */
  port: number
  /** Keep every service's output here (one file per service), for explaining a failure. */
  logDir?: string
}

async function admin(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

export async function soakOnFreshCluster(options: FreshSoakOptions): Promise<SoakFigures> {
  const settingsFromEnv = readSettings()
  const serverUrl = settingsFromEnv.TEST_DATABASE_URL ?? defaultTestServerUrl
  const name = `taskwise_soak_${Date.now().toString(36)}${randomBytes(3).toString('hex')}`
  const runDir = mkdtempSync(path.join(tmpdir(), 'taskwise-soak-'))
  await admin(serverUrl, `create database "${name}"`)
  try {
    const settings = readSettings({
      ...process.env,
      TASKWISE_DATA_DIR: runDir,
      BETTER_AUTH_SECRET: randomBytes(32).toString('base64url'),
      SMTP_URL: '',
    })
    const cluster = await startCluster({
      settings,
      databaseUrl: withDatabaseName(serverUrl, name),
      ports: clusterPorts(options.port),
      // nginx's config and logs stay beside the services' logs when those are kept.
      runDir: path.join(options.logDir ?? runDir, 'nginx'),
      env: {
        // Everyone comes from 127.0.0.1: the per-IP sign-in limit is raised (never off). The
        // api's per-user limit keeps its default.
        AUTH_RATE_LIMIT_MAX: '100000',
        // Four services share the server with the rest of the machine (and, in npm test, with
        // the other test files): smaller pools, and a longer wait for a free connection, so a
        // busy machine shows as latency rather than as 503s.
        API_DB_POOL_MAX: '8',
        WEB_DB_POOL_MAX: '5',
        API_DB_CONNECTION_TIMEOUT_MS: '10000',
        LOG_LEVEL: 'warn',
      },
      log: options.log,
      onServiceLine: options.logDir
        ? (service, line) =>
            appendFileSync(path.join(options.logDir ?? '', `${service}.log`), `${line}\n`)
        : undefined,
    })
    try {
      return await runSoak({ ...options, cluster })
    } finally {
      await cluster.stop()
    }
  } finally {
    await admin(serverUrl, `drop database if exists "${name}" with (force)`).catch(() => {})
    rmSync(runDir, { recursive: true, force: true })
  }
}
