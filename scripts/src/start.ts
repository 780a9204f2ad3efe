/**
 * `npm start` (and `npm run dev` with --dev): the whole of Taskwise on one machine.
 *
 * Uses DATABASE_URL when set; otherwise serves the embedded database from .data/. Applies
 * migrations, builds the web app when needed, starts the api and the web app, prints the address
 * to open, and stops everything cleanly on Ctrl-C or SIGTERM.
 */
import { ConfigError } from '@taskwise/contracts/config'
import { readSettings } from './lib/settings'
import { startStack, type Stack } from './lib/stack'

const dev = process.argv.includes('--dev')

let stack: Stack | undefined
let stopping = false

async function shutdown(code: number, reason?: string) {
  if (stopping) return
  stopping = true
  if (reason) console.log(`taskwise: ${reason}`)
  console.log('taskwise: stopping…')
  await stack?.stop()
  console.log('taskwise: stopped')
  process.exit(code)
}

process.on('SIGINT', () => void shutdown(0))
process.on('SIGTERM', () => void shutdown(0))

try {
  const settings = readSettings()
  stack = await startStack({ settings, dev })
  console.log('')
  console.log(`  Taskwise is running: open ${stack.webUrl}`)
  console.log(`  api ${stack.apiUrl} (OpenAPI at ${stack.apiUrl}/docs)`)
  console.log(
    `  database: ${stack.database === 'embedded' ? `embedded, ${stack.databaseUrl}` : 'DATABASE_URL'}`,
  )
  console.log(
    stack.mailOutbox
      ? `  mail: no SMTP_URL, so mail goes to ${stack.mailOutbox} (open ${stack.webUrl}/dev/outbox)`
      : '  mail: sent through SMTP_URL',
  )
  console.log('  Press Ctrl-C to stop.')
  console.log('')
  const exited = await stack.firstExit
  if (!stopping) await shutdown(1, `the ${exited} service stopped unexpectedly`)
} catch (error) {
  if (error instanceof ConfigError) console.error(error.message)
  else console.error(`taskwise: could not start: ${(error as Error).message}`)
  await shutdown(1)
}
