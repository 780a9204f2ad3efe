import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  createTestDatabase,
  usesEmbeddedTestDatabase,
  type TestDatabase,
} from '@taskwise/db/testing'
import { readSettings } from '@taskwise/scripts/lib/settings'
import { startStack, type Stack } from '@taskwise/scripts/lib/stack'
import { startTestMailbox } from '@taskwise/scripts/lib/test-mailbox'
import { API_PORT, SMTP_PORT, WEB_PORT } from '@taskwise/scripts/lib/test-ports'

/**
 * Starts the whole stack once for the browser suite, on a fresh database of its own: a uniquely
 * named database on the test PostgreSQL server, or a fresh embedded one in a temporary folder.
 * Its mail goes over SMTP to a test mailbox whose folder is in TASKWISE_E2E_MAILBOX (the test
 * workers inherit it): read it with `waitForMail` from @taskwise/scripts/lib/test-mailbox.
 * Returns the teardown that stops it all and drops the database.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'taskwise-e2e-'))
  let database: TestDatabase | undefined
  if (!usesEmbeddedTestDatabase()) database = await createTestDatabase()
  const mailbox = await startTestMailbox({ dir: path.join(dataDir, 'mailbox'), port: SMTP_PORT })
  process.env.TASKWISE_E2E_MAILBOX = mailbox.dir

  const settings = readSettings({
    NODE_ENV: 'production',
    TASKWISE_DATA_DIR: dataDir,
    DATABASE_URL: database?.url,
    WEB_PORT: String(WEB_PORT),
    API_PORT: String(API_PORT),
    SMTP_URL: mailbox.url,
  })
  let stack: Stack
  try {
    stack = await startStack({
      settings,
      quiet: !process.env.TASKWISE_E2E_VERBOSE,
      // The suite signs up many people from one address: raise the per-IP limit (never switch it
      // off). The per-account lockout keeps its production value.
      // The api's per-user limit too: one suite user may make many requests in a minute.
      env: { AUTH_RATE_LIMIT_MAX: '1000', API_RATE_LIMIT_MAX: '100000' },
      log: (line) => console.log(`[e2e] ${line}`),
    })
  } catch (error) {
    await mailbox.close()
    await database?.drop()
    throw error
  }
  return async () => {
    await stack.stop()
    await mailbox.close()
    await database?.drop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
