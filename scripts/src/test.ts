/**
 * `npm test`: the whole test suite, the same command locally and in CI (.ci/run).
 *
 * 1. Lint, check the formatting of and typecheck every workspace.
 * 2. Vitest: unit, component and integration tests. Database tests create their own uniquely
 *    named database on the PostgreSQL server at TEST_DATABASE_URL (default the local server) and
 *    drop it. With no server reachable, outside CI, they use the embedded database instead; in CI
 *    a missing server is an error, so CI always tests against real PostgreSQL.
 * 3. Playwright: the browser suite in e2e/ against the built app, in Debian's Chromium.
 */
import pg from 'pg'
import { defaultTestServerUrl } from '@taskwise/db/testing'
import { repoRoot } from '@taskwise/db/paths'
import { ensureChromium } from './lib/chromium'
import { run } from './lib/processes'
import { readSettings } from './lib/settings'
import { buildWeb, webBuildIsStale } from './lib/stack'

const settings = readSettings()
const log = (line: string) => console.log(line)
const serverUrl = settings.TEST_DATABASE_URL ?? defaultTestServerUrl
const only = process.argv.slice(2)
const wants = (step: string) => only.length === 0 || only.includes(step)

async function serverReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 })
  client.on('error', () => {})
  try {
    await client.connect()
    await client.query('select 1')
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }
delete env.DATABASE_URL // tests make their own databases; never touch the developer's

if (await serverReachable(serverUrl)) {
  log(`taskwise: database tests run on PostgreSQL at ${new URL(serverUrl).host}`)
  env.TEST_DATABASE_URL = serverUrl
} else if (settings.CI) {
  console.error(
    `taskwise: no PostgreSQL answers at ${new URL(serverUrl).host}, and CI must test against a real server.`,
  )
  process.exit(1)
} else {
  log(
    `taskwise: no PostgreSQL answers at ${new URL(serverUrl).host}; database tests use the embedded database (PGlite) instead`,
  )
  env.TASKWISE_TEST_DB = 'embedded'
}

const npx = (args: string[]) => run('npx', args, { cwd: repoRoot, env })

try {
  if (wants('lint')) {
    log('\ntaskwise: lint, format and typecheck')
    await npx(['eslint', '.', '--max-warnings', '0'])
    await npx(['prettier', '--check', '--log-level', 'warn', '.'])
    await run('npm', ['run', 'typecheck', '--silent'], { cwd: repoRoot, env })
  }
  // The launcher test (Vitest) and the browser suite share one production build, made here
  // before any test runs so that no test competes with `next build` for the CPU.
  if ((wants('unit') || wants('e2e')) && webBuildIsStale()) {
    log('\ntaskwise: building the web app for the tests')
    await buildWeb()
  }
  if (wants('unit')) {
    log('\ntaskwise: unit and integration tests (Vitest)')
    await npx(['vitest', 'run'])
  }
  if (wants('e2e')) {
    log('\ntaskwise: browser tests (Playwright)')
    const chromium = ensureChromium(settings.CHROMIUM_PATH, log)
    if (chromium) env.CHROMIUM_PATH = chromium
    await run('npm', ['run', 'test', '-w', '@taskwise/e2e'], { cwd: repoRoot, env })
  }
  log('\ntaskwise: all tests passed')
} catch (error) {
  console.error(`\ntaskwise: ${(error as Error).message}`)
  process.exit(1)
}
