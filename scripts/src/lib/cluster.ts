import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { runMigrations } from '@taskwise/db/migrate'
import { repoRoot } from '@taskwise/db/paths'
import { startNginx, type Proxy } from './nginx'
import { startService, stopService, waitForOk, type Service } from './processes'
import type { LauncherSettings } from './settings'
import { buildWeb, localSecret, mailFor, webBuildIsStale, webServerArgs } from './stack'

/**
 * Several api and web instances against one PostgreSQL, behind nginx
 * (docs/decisions/0501-nginx-cluster.md): what `npm run cluster`, the soak and the bench's
 * cluster phase stand on. Instances can be killed and started again (faults).
 */

export interface Instance {
  name: string
  kind: 'api' | 'web'
  port: number
  service: Service
}

export interface ClusterPorts {
  proxy: number
  apis: number[]
  webs: number[]
}

/** nginx on `base`, the api instances on base+1 and base+2, the web instances on base+3 and base+4. */
export function clusterPorts(base: number): ClusterPorts {
  return { proxy: base, apis: [base + 1, base + 2], webs: [base + 3, base + 4] }
}

export interface ClusterOptions {
  settings: LauncherSettings
  /** A PostgreSQL database (the cluster needs a server: several processes share it). */
  databaseUrl: string
  ports: ClusterPorts
  /** Where nginx's config, pid, logs and temp files go. */
  runDir: string
  /** Extra environment for every instance (raised limits, pool sizes). */
  env?: Record<string, string>
  quiet?: boolean
  log?: (line: string) => void
  onServiceLine?: (service: string, line: string) => void
}

export interface Cluster {
  /** The public address: nginx. */
  url: string
  /** The public origin the web app was told (BETTER_AUTH_URL): http://localhost:<proxy port>. */
  origin: string
  databaseUrl: string
  apis: Instance[]
  webs: Instance[]
  proxy: Proxy
  /** SIGKILL: no draining, in-flight requests are cut (a crash). */
  kill(instance: Instance): Promise<void>
  /** Starts a stopped instance again on its port; resolves once it answers. */
  restart(instance: Instance): Promise<void>
  stop(): Promise<void>
}

const webDir = path.join(repoRoot, 'apps/web')
const apiDir = path.join(repoRoot, 'apps/api')
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const { settings, databaseUrl, ports, quiet = true, log = console.log } = options
  const origin = `http://localhost:${ports.proxy}`
  const proxyUrl = `http://127.0.0.1:${ports.proxy}`
  const { applied } = await runMigrations(databaseUrl)
  if (applied) log(`cluster: applied ${applied} migration(s)`)
  if (webBuildIsStale()) {
    log('cluster: building the web app (no current build)…')
    await buildWeb()
  }
  mkdirSync(options.runDir, { recursive: true })
  const mail = mailFor(settings)
  const shared: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    BETTER_AUTH_URL: origin,
    BETTER_AUTH_SECRET: settings.BETTER_AUTH_SECRET ?? localSecret(settings.TASKWISE_DATA_DIR),
    AUTH_ISSUER: origin,
    // Any web instance serves the keys: the api asks through the proxy.
    AUTH_JWKS_URL: `${proxyUrl}/api/auth/jwks`,
    API_URL: proxyUrl,
    API_HOST: '127.0.0.1',
    // The proxy's address: X-Forwarded-* are believed from it, and only from it.
    TRUSTED_PROXIES: '127.0.0.1',
    ...mail.env,
    ...options.env,
  }

  const launch = (kind: Instance['kind'], name: string, port: number): Service => {
    const env = { ...shared, [kind === 'api' ? 'API_PORT' : 'WEB_PORT']: String(port) }
    return kind === 'api'
      ? startService(name, process.execPath, ['--import', 'tsx', 'src/server.ts'], {
          cwd: apiDir,
          env,
          quiet,
          onLine: (line) => options.onServiceLine?.(name, line),
        })
      : startService(name, process.execPath, webServerArgs(), {
          cwd: webDir,
          env,
          quiet,
          onLine: (line) => options.onServiceLine?.(name, line),
        })
  }
  const ready = (instance: Instance) =>
    waitForOk(
      `http://127.0.0.1:${instance.port}${instance.kind === 'api' ? '/ready' : '/'}`,
      instance.service,
    )
  const make = (kind: Instance['kind'], list: number[]) =>
    list.map((port, index) => {
      const name = `${kind}-${index + 1}`
      return { name, kind, port, service: launch(kind, name, port) }
    })

  const apis = make('api', ports.apis)
  const webs = make('web', ports.webs)
  let proxy: Proxy | undefined
  const stop = async () => {
    await Promise.all([...apis, ...webs].map((instance) => stopService(instance.service)))
    if (proxy) await stopService(proxy.service)
  }
  try {
    // nginx last, once every instance answers: none starts out marked as down.
    await Promise.all([...apis, ...webs].map(ready))
    proxy = await startNginx(
      options.runDir,
      {
        port: ports.proxy,
        apis: ports.apis.map((port) => `127.0.0.1:${port}`),
        webs: ports.webs.map((port) => `127.0.0.1:${port}`),
      },
      quiet,
      (line) => options.onServiceLine?.('nginx', line),
    )
  } catch (error) {
    await stop()
    throw error
  }
  return {
    url: proxyUrl,
    origin,
    databaseUrl,
    apis,
    webs,
    proxy,
    async kill(instance) {
      instance.service.child.kill('SIGKILL')
      await instance.service.exited
    },
    async restart(instance) {
      instance.service = launch(instance.kind, instance.name, instance.port)
      await ready(instance)
    },
    stop,
  }
}
