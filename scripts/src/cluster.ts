/**
 * `npm run cluster`: Taskwise as it runs in production on one machine — two api and two web
 * instances against one PostgreSQL, behind nginx (docs/decisions/0501-nginx-cluster.md).
 *
 * Uses DATABASE_URL when set; otherwise the database `taskwise_cluster` on the local PostgreSQL
 * server (TEST_DATABASE_URL's, default postgres://postgres@127.0.0.1:5432), made on first use and
 * kept. nginx listens on CLUSTER_PORT (default 8080), the instances on the four ports after it.
 * Ctrl-C stops everything.
 */
import path from 'node:path'
import { ConfigError } from '@taskwise/contracts/config'
import { defaultTestServerUrl, withDatabaseName } from '@taskwise/db/testing'
import pg from 'pg'
import { clusterPorts, startCluster, type Cluster } from './lib/cluster'
import { readSettings } from './lib/settings'

const CLUSTER_DATABASE = 'taskwise_cluster'

async function localDatabase(serverUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3_000 })
  await client.connect()
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [
      CLUSTER_DATABASE,
    ])
    if (!rowCount) await client.query(`create database "${CLUSTER_DATABASE}"`)
  } finally {
    await client.end()
  }
  return withDatabaseName(serverUrl, CLUSTER_DATABASE)
}

let cluster: Cluster | undefined
let stopping = false
async function shutdown(code: number) {
  if (stopping) return
  stopping = true
  console.log('cluster: stopping…')
  await cluster?.stop()
  process.exit(code)
}
process.on('SIGINT', () => void shutdown(0))
process.on('SIGTERM', () => void shutdown(0))

try {
  const settings = readSettings()
  const databaseUrl =
    settings.DATABASE_URL ??
    (await localDatabase(settings.TEST_DATABASE_URL ?? defaultTestServerUrl))
  const ports = clusterPorts(settings.CLUSTER_PORT)
  cluster = await startCluster({
    settings,
    databaseUrl,
    ports,
    runDir: path.resolve(settings.TASKWISE_DATA_DIR, 'cluster'),
    quiet: false,
    log: (line) => console.log(line),
  })
  console.log('')
  console.log(`  Taskwise cluster is running: open ${cluster.origin}`)
  console.log(
    `  nginx ${cluster.url} → api ${ports.apis.join(', ')} · web ${ports.webs.join(', ')}`,
  )
  console.log(`  database: ${settings.DATABASE_URL ? 'DATABASE_URL' : CLUSTER_DATABASE}`)
  console.log(`  nginx config and logs: ${path.resolve(settings.TASKWISE_DATA_DIR, 'cluster')}`)
  console.log('  Press Ctrl-C to stop.')
  console.log('')
  const all = [...cluster.apis, ...cluster.webs].map((instance) =>
    instance.service.exited.then(() => instance.name),
  )
  const exited = await Promise.race([...all, cluster.proxy.service.exited.then(() => 'nginx')])
  if (!stopping) {
    console.error(`cluster: ${exited} stopped unexpectedly`)
    await shutdown(1)
  }
} catch (error) {
  if (error instanceof ConfigError) console.error(error.message)
  else console.error(`cluster: could not start: ${(error as Error).message}`)
  await shutdown(1)
}
