import { runMigrations } from '../migrate'
import { connect } from './settings'

const database = await connect()
try {
  await runMigrations(database.url)
  console.log('taskwise: database is up to date')
} catch (error) {
  console.error(`taskwise: migration failed: ${(error as Error).message}`)
  process.exitCode = 1
} finally {
  await database.stop()
}
