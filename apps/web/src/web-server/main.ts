/**
 * Starts the web app: `node --import tsx src/web-server/main.ts [--dev]` (what `npm start` in
 * apps/web and the launcher run). Reads the settings once, serves the production build in .next
 * (or `next dev` with --dev) through the web server, and on SIGTERM/SIGINT stops accepting,
 * lets in-flight requests finish (WEB_SHUTDOWN_GRACE_MS) and exits 0.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ConfigError } from '@taskwise/contracts/config'
import next from 'next'
import { loadWebConfig, type WebConfig } from '../server/config'
import { markServedByWebServer } from '../server/web-server-mark'
import { createWebServer } from './web-server'

const dev = process.argv.includes('--dev')
const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

let config: WebConfig
try {
  config = loadWebConfig(process.env)
} catch (error) {
  if (!(error instanceof ConfigError)) throw error
  console.error(error.message)
  process.exit(1)
}

const web = createWebServer(config)
const { port, host } = config.server

let stopping = false
async function stop(signal: string) {
  if (stopping) return
  stopping = true
  console.log(`taskwise web: ${signal}: finishing in-flight requests`)
  const drained = await web.drain(config.server.shutdownGraceMs)
  await app.close().catch(() => {})
  console.log(drained ? 'taskwise web: stopped' : 'taskwise web: stopped, cutting slow requests')
  process.exit(drained ? 0 : 1)
}
process.on('SIGTERM', () => void stop('SIGTERM'))
process.on('SIGINT', () => void stop('SIGINT'))

markServedByWebServer()
const app = next({ dev, dir: webDir, port, httpServer: web.server, quiet: !dev })

await app.prepare()
web.setHandler(app.getRequestHandler())
await new Promise<void>((resolve, reject) => {
  web.server.once('error', reject)
  web.server.listen({ port, ...(host ? { host } : {}) }, resolve)
})
console.log(`taskwise web: listening on ${host ?? '*'}:${port}${dev ? ' (development)' : ''}`)
