import { ConfigError } from '@taskwise/contracts/config'
import { getWebConfig } from './config'
import { isServedByWebServer } from './web-server-mark'

/**
 * Reads and validates the settings when the server starts, so that a missing or bad one stops
 * the web app with a sentence that names it instead of surfacing on the first sign-in. In
 * production it also refuses to run under plain `next start`, which would let clients choose
 * the address the rate limits see (docs/decisions/0520-web-server.md).
 */
export function checkSettingsAtStartup(): void {
  try {
    const config = getWebConfig()
    if (config.nodeEnv === 'production' && !isServedByWebServer()) {
      throw new ConfigError(
        'Taskwise web: start the web app with `npm start -w @taskwise/web` (node --import tsx src/web-server/main.ts), not `next start`: only its server sets the client address the rate limits trust.',
      )
    }
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    console.error(error.message)
    process.exit(1)
  }
}
