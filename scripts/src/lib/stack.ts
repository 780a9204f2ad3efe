import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { openEmbeddedDatabase, type EmbeddedDatabase } from '@taskwise/db/embedded'
import { runMigrations } from '@taskwise/db/migrate'
import { outboxDirIn, repoRoot } from '@taskwise/db/paths'
import type { LauncherSettings } from './settings'
import { run, startService, stopService, waitForOk, type Service } from './processes'

export interface Stack {
  webUrl: string
  apiUrl: string
  databaseUrl: string
  /** "embedded" when this stack serves PGlite from its data folder. */
  database: 'embedded' | 'external'
  /** The folder the web app writes mail into, or null when it sends mail over SMTP_URL. */
  mailOutbox: string | null
  services: Service[]
  /** Resolves with the name of the first service that exits on its own. */
  firstExit: Promise<string>
  stop(): Promise<void>
}

const webDir = path.join(repoRoot, 'apps/web')
const apiDir = path.join(repoRoot, 'apps/api')
const nextBin = path.join(repoRoot, 'node_modules/next/dist/bin/next')

/**
 * The secret that encrypts the JWT signing keys and signs session cookies. When none is set, the
 * launcher makes a random one on first start and keeps it beside the data (mode 0600), so a local
 * production-mode run never uses a default secret and keeps working across restarts.
 */
export function localSecret(dataDir: string): string {
  const file = path.join(dataDir, 'auth-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dataDir, { recursive: true })
  const secret = randomBytes(32).toString('base64url')
  writeFileSync(file, `${secret}\n`, { mode: 0o600 })
  return secret
}

/**
 * Mail goes over SMTP_URL when set. Otherwise the web app writes it to an outbox folder beside
 * the data, which production mode accepts only when asked for explicitly (MAIL_TRANSPORT=outbox)
 * and only on a localhost address (docs/decisions/0205-mail-delivery.md).
 */
export function mailFor(settings: LauncherSettings): {
  env: Record<string, string>
  outbox: string | null
} {
  if (settings.SMTP_URL) return { env: { SMTP_URL: settings.SMTP_URL }, outbox: null }
  const outbox = path.resolve(settings.MAIL_OUTBOX_DIR ?? outboxDirIn(settings.TASKWISE_DATA_DIR))
  // SMTP_URL is emptied (unset) in case the environment has one that the settings were not given.
  return { env: { SMTP_URL: '', MAIL_TRANSPORT: 'outbox', MAIL_OUTBOX_DIR: outbox }, outbox }
}

function newestChange(paths: string[]): number {
  let newest = 0
  const visit = (target: string) => {
    if (!existsSync(target)) return
    const stat = statSync(target)
    if (stat.isDirectory()) {
      for (const entry of readdirSync(target)) {
        if (entry === 'node_modules' || entry === '.next' || entry.startsWith('.')) continue
        visit(path.join(target, entry))
      }
    } else if (!/\.test\.tsx?$/.test(target)) {
      newest = Math.max(newest, stat.mtimeMs)
    }
  }
  paths.forEach(visit)
  return newest
}

/**
 * True when the web app has no production build or its sources changed since. Nothing else
 * matters: the build reads no settings, so one build serves every port and address
 * (docs/decisions/0520-web-server.md).
 */
export function webBuildIsStale(): boolean {
  const buildId = path.join(webDir, '.next/BUILD_ID')
  if (!existsSync(buildId)) return true
  const sources = [
    path.join(webDir, 'src'),
    path.join(webDir, 'public'),
    path.join(webDir, 'next.config.ts'),
    path.join(webDir, 'package.json'),
    path.join(repoRoot, 'packages/contracts/src'),
    path.join(repoRoot, 'packages/db/src'),
  ]
  return newestChange(sources) > statSync(buildId).mtimeMs
}

/** `next build`: the production build in apps/web/.next, the same for every environment. */
export async function buildWeb(): Promise<void> {
  await run(process.execPath, [nextBin, 'build'], {
    cwd: webDir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
  })
}

/** The web server's command line (src/web-server/main.ts), run in apps/web. */
export function webServerArgs(dev = false): string[] {
  return ['--import', 'tsx', 'src/web-server/main.ts', ...(dev ? ['--dev'] : [])]
}

/** The api's address as the web server sees it. */
export function apiUrlFor(apiPort: number): string {
  return `http://127.0.0.1:${apiPort}`
}

export interface StackOptions {
  settings: LauncherSettings
  /** next dev and a watching api instead of the production build. */
  dev?: boolean
  /** Don't copy the services' output to this process's stdout. */
  quiet?: boolean
  /** Extra environment for both services (e.g. raised rate limits for browser tests). */
  env?: Record<string, string>
  log?: (line: string) => void
  /** Also given every output line of a service (its name, the line). */
  onServiceLine?: (service: string, line: string) => void
}

export async function startStack({
  settings,
  dev = false,
  quiet = false,
  env = {},
  log = console.log,
  onServiceLine,
}: StackOptions): Promise<Stack> {
  let embedded: EmbeddedDatabase | null = null
  let databaseUrl = settings.DATABASE_URL
  if (!databaseUrl) {
    embedded = await openEmbeddedDatabase(settings.TASKWISE_DATA_DIR)
    if (!embedded.owned) {
      throw new Error(
        `The embedded database in ${settings.TASKWISE_DATA_DIR} is already served by another Taskwise process; stop it first (Ctrl-C in its terminal).`,
      )
    }
    databaseUrl = embedded.url
    log(`taskwise: embedded database (PGlite) in ${settings.TASKWISE_DATA_DIR}`)
  } else {
    log('taskwise: using the PostgreSQL server at DATABASE_URL')
  }
  const services: Service[] = []
  const stop = async () => {
    await Promise.all(services.map((service) => stopService(service)))
    await embedded?.stop()
  }

  try {
    const { applied } = await runMigrations(databaseUrl)
    log(
      applied
        ? `taskwise: applied ${applied} migration(s)`
        : 'taskwise: database schema is up to date',
    )

    const webUrl = settings.BETTER_AUTH_URL ?? `http://localhost:${settings.WEB_PORT}`
    const apiUrl = apiUrlFor(settings.API_PORT)
    const mail = mailFor(settings)
    if (!dev && webBuildIsStale()) {
      log('taskwise: building the web app (first start, or its sources changed)…')
      await buildWeb()
    }

    const shared = {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: dev ? 'development' : 'production',
      DATABASE_URL: databaseUrl,
      BETTER_AUTH_URL: webUrl,
      BETTER_AUTH_SECRET: settings.BETTER_AUTH_SECRET ?? localSecret(settings.TASKWISE_DATA_DIR),
      AUTH_ISSUER: webUrl,
      AUTH_JWKS_URL: `http://127.0.0.1:${settings.WEB_PORT}/api/auth/jwks`,
      API_URL: apiUrl,
      API_PORT: String(settings.API_PORT),
      WEB_PORT: String(settings.WEB_PORT),
      API_HOST: '127.0.0.1',
      ...mail.env,
      ...env,
    }
    const apiArgs = dev
      ? ['--watch', '--import', 'tsx', 'src/server.ts']
      : ['--import', 'tsx', 'src/server.ts']
    const start = (name: 'api' | 'web', args: string[], cwd: string) =>
      services.push(
        startService(name, process.execPath, args, {
          cwd,
          env: shared,
          quiet,
          onLine: (line) => onServiceLine?.(name, line),
        }),
      )
    start('api', apiArgs, apiDir)
    start('web', webServerArgs(dev), webDir)

    const [api, web] = services as [Service, Service]
    await Promise.all([
      waitForOk(`${apiUrl}/ready`, api),
      waitForOk(`http://127.0.0.1:${settings.WEB_PORT}/`, web),
    ])

    const firstExit = Promise.race(
      services.map((service) => service.exited.then(() => service.name)),
    )
    return {
      webUrl,
      apiUrl,
      databaseUrl,
      database: embedded ? 'embedded' : 'external',
      mailOutbox: mail.outbox,
      services,
      firstExit,
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}
