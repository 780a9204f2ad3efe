import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { setTimeout as pause } from 'node:timers/promises'
import { repoRoot } from '@taskwise/db/paths'
import { runMigrations } from '@taskwise/db/migrate'
import { defaultTestServerUrl, withDatabaseName } from '@taskwise/db/testing'
import pg from 'pg'
import { startService, stopService, waitForOk, type Service } from '../lib/processes'
import { authHeaders, mapConcurrent, register } from './client'
import { RAISED_LIMITS } from './constants'
import { runHashing } from './hashing'

/**
 * 100 sign-ins at once against the built web app, with the CPU each burst cost the web process
 * (all threads, and its main thread), its database backends and this client, from /proc:
 *   node --import tsx scripts/src/bench/sign-in-profile.ts [--profile] [--rounds=N] [--ports=A,B]
 * With two ports, two web servers take turns round after round, the second with SIGNIN_B_ENV
 * (`NAME=value,…`) added to its environment: an A/B comparison on a shared machine. With
 * --profile, the last round of each server is profiled (bench/tmp/sign-ins-<port>.cpuprofile).
 */
const args = process.argv.slice(2)
const option = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1]
const profile = args.includes('--profile')
const rounds = Number(option('rounds') ?? 3)
const ports = (option('ports') ?? '3202').split(',').map(Number)
const bEnv = Object.fromEntries(
  (process.env.SIGNIN_B_ENV ?? '')
    .split(',')
    .filter(Boolean)
    .map((pair) => pair.split('=') as [string, string]),
)
const COUNT = 100
const serverUrl = process.env.TEST_DATABASE_URL || defaultTestServerUrl
const admin = async (sql: string) => {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  await client.query(sql).finally(() => client.end())
}
/** CPU ms of a process or thread, from /proc (0 once it is gone). */
const ticks = (file: string) => {
  try {
    const fields = readFileSync(file, 'utf8').split(') ')[1]?.split(' ') ?? []
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100
  } catch {
    return 0
  }
}

interface Web {
  port: number
  name: string
  databaseUrl: string
  service: Service
  profileFile: string
  backends: number[]
}

async function startWeb(port: number, extra: Record<string, string>): Promise<Web> {
  const name = `taskwise_signin_prof_${randomBytes(4).toString('hex')}`
  await admin(`create database "${name}"`)
  const databaseUrl = withDatabaseName(serverUrl, name)
  await runMigrations(databaseUrl)
  const webUrl = `http://localhost:${port}`
  const profileFile = path.join(repoRoot, `bench/tmp/sign-ins-${port}.cpuprofile`)
  const service = startService(
    'web',
    process.execPath,
    ['--import', 'tsx', 'src/web-server/main.ts'],
    {
      cwd: path.join(repoRoot, 'apps/web'),
      env: {
        ...process.env,
        ...RAISED_LIMITS,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        DATABASE_URL: databaseUrl,
        BETTER_AUTH_URL: webUrl,
        BETTER_AUTH_SECRET: randomBytes(32).toString('base64url'),
        AUTH_ISSUER: webUrl,
        API_URL: 'http://127.0.0.1:1',
        WEB_PORT: String(port),
        SMTP_URL: '',
        MAIL_TRANSPORT: 'outbox',
        MAIL_OUTBOX_DIR: path.join(repoRoot, 'bench/tmp/outbox-prof'),
        ...(profile
          ? {
              NODE_OPTIONS: `--import ${path.join(repoRoot, 'scripts/src/bench/profile-on-signal.mjs')}`,
              PROFILE_FILE: profileFile,
            }
          : {}),
        ...extra,
      },
      quiet: true,
      onLine: () => {},
    },
  )
  await waitForOk(`http://127.0.0.1:${port}/`, service)
  return { port, name, databaseUrl, service, profileFile, backends: [] }
}

const cpu = (web: Web) => {
  const pid = web.service.child.pid as number
  const own = process.cpuUsage()
  return {
    all: ticks(`/proc/${pid}/stat`),
    main: ticks(`/proc/${pid}/task/${pid}/stat`),
    database: web.backends.reduce((sum, backend) => sum + ticks(`/proc/${backend}/stat`), 0),
    client: (own.user + own.system) / 1000,
  }
}

const password = `Bq7!${randomBytes(9).toString('base64url')}`
const webs: Web[] = []
try {
  for (const [index, port] of ports.entries())
    webs.push(await startWeb(port, index === 1 ? bEnv : {}))
  const signIns = new Map<Web, (() => Promise<void>)[]>()
  for (const web of webs) {
    const webUrl = `http://localhost:${web.port}`
    const emails = Array.from({ length: COUNT }, (_, i) => `prof-${i}@example.com`)
    const users = await mapConcurrent(emails, 4, (email) => register(webUrl, email, password))
    const signIn = (email: string) => async () => {
      const response = await fetch(`http://127.0.0.1:${web.port}/api/auth/login`, {
        method: 'POST',
        headers: { ...authHeaders(webUrl), 'accept-encoding': 'identity' },
        body: JSON.stringify({ email, password }),
      })
      if (response.status !== 200)
        throw new Error(`sign-in: ${response.status} ${await response.text()}`)
      await response.arrayBuffer()
    }
    signIns.set(
      web,
      users.map((user) => signIn(user.email)),
    )
    await Promise.all(users.slice(0, 10).map((user) => signIn(user.email)())) // warm-up
    const monitor = new pg.Client({ connectionString: web.databaseUrl })
    await monitor.connect()
    const { rows } = await monitor.query<{ pid: number }>(
      `select pid from pg_stat_activity where datname = $1 and application_name = 'taskwise-web'`,
      [web.name],
    )
    web.backends = rows.map((row) => row.pid)
    await monitor.end()
  }
  const totals = new Map<Web, { main: number; all: number; database: number; wall: number }>()
  for (let round = 1; round <= rounds; round += 1) {
    for (const web of webs) {
      const last = profile && round === rounds
      const pid = web.service.child.pid as number
      if (last) process.kill(pid, 'SIGUSR2')
      const before = cpu(web)
      const started = performance.now()
      await Promise.all((signIns.get(web) ?? []).map((signIn) => signIn()))
      const wall = performance.now() - started
      const after = cpu(web)
      const used = {
        main: after.main - before.main,
        all: after.all - before.all,
        database: after.database - before.database,
        wall,
      }
      const total = totals.get(web) ?? { main: 0, all: 0, database: 0, wall: 0 }
      for (const key of ['main', 'all', 'database', 'wall'] as const) total[key] += used[key]
      totals.set(web, total)
      console.log(
        `:${web.port} round ${round}: ${COUNT} sign-ins in ${wall.toFixed(0)} ms; web CPU ${used.all.toFixed(0)} ms (main thread ${used.main.toFixed(0)} ms), database ${used.database.toFixed(0)} ms, client ${(after.client - before.client).toFixed(0)} ms`,
      )
      if (last) {
        process.kill(pid, 'SIGUSR2')
        for (let i = 0; i < 50 && !existsSync(web.profileFile); i += 1) await pause(100)
        await pause(500)
        console.log(`profile: ${web.profileFile}`)
      }
    }
  }
  for (const [web, total] of totals) {
    const per = (ms: number) => (ms / rounds / COUNT).toFixed(2)
    console.log(
      `:${web.port} per sign-in: web ${per(total.all)} ms CPU (main thread ${per(total.main)} ms), database ${per(total.database)} ms; mean burst ${(total.wall / rounds).toFixed(0)} ms`,
    )
  }
  const [argon] = await runHashing({
    hashers: ['argon2id'],
    password,
    sequential: 10,
    concurrency: COUNT,
  })
  console.log(
    `hashing alone: one ${argon?.oneMs.toFixed(1)} ms, ${COUNT} at once ${argon?.burstWallMs.toFixed(0)} ms`,
  )
} finally {
  for (const web of webs) {
    await stopService(web.service)
    await admin(`drop database if exists "${web.name}" with (force)`)
  }
}
