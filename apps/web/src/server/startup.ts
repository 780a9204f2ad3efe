import { ConfigError } from '@taskwise/contracts/config'
import { getWebConfig } from './config'

/**
 * Reads and validates the settings when the server starts, so that a missing or bad one stops
 * `next start` with a sentence that names it instead of surfacing on the first sign-in.
 */
export function checkSettingsAtStartup(): void {
  try {
    getWebConfig()
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    console.error(error.message)
    process.exit(1)
  }
}
