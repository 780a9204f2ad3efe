import { assertResetAllowed, resetDatabase, ResetRefusedError } from '../migrate'
import { connect, settings } from './settings'

const guard = { confirmed: process.argv.slice(2).includes('--yes'), nodeEnv: settings.NODE_ENV }

// Refuse before touching anything, so a refused reset never even opens the database.
try {
  assertResetAllowed(guard)
} catch (error) {
  if (!(error instanceof ResetRefusedError)) throw error
  console.error(`taskwise: ${error.message}`)
  process.exit(2)
}

const database = await connect()
try {
  await resetDatabase(database.url, guard)
  console.log('taskwise: database reset and migrated')
} catch (error) {
  console.error(`taskwise: reset failed: ${(error as Error).message}`)
  process.exitCode = 1
} finally {
  await database.stop()
}
