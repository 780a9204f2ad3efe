import { ConfigError } from '@taskwise/contracts/config'
import closeWithGrace from 'close-with-grace'
import { buildApp } from './app'
import { loadConfig, type Config } from './config'

/**
 * Starts the api: reads the environment once, listens, and on SIGTERM/SIGINT stops accepting
 * connections, lets in-flight requests finish (up to API_SHUTDOWN_GRACE_MS), then closes the
 * database pool and exits.
 */

let config: Config
try {
  config = loadConfig(process.env)
} catch (error) {
  if (!(error instanceof ConfigError)) throw error
  console.error(error.message)
  process.exit(1)
}

const app = await buildApp({ config })

closeWithGrace(
  { delay: config.API_SHUTDOWN_GRACE_MS, logger: app.log },
  async ({ err, signal }) => {
    if (err) app.log.error({ err }, 'closing after an unexpected error')
    else app.log.info({ signal }, 'closing: finishing in-flight requests')
    await app.close()
  },
)

try {
  await app.listen({ host: config.API_HOST, port: config.API_PORT })
} catch (error) {
  app.log.fatal({ err: error }, `could not listen on ${config.API_HOST}:${config.API_PORT}`)
  process.exit(1)
}
