import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { repoRoot } from '@taskwise/db/paths'
import { API_PORT } from './lib/test-ports'
import pg from 'pg'
import { afterAll, describe, expect, test } from 'vitest'

/**
 * `npm start` as a newcomer runs it: no DATABASE_URL, a fresh data folder, then the same folder
 * again. The web port is a free one; the api uses the tests' port. The launcher reuses the
 * production build `npm test` made: one build serves any ports (docs/decisions/0520).
 */

const dataDir = mkdtempSync(path.join(tmpdir(), 'taskwise-launcher-'))
const running = new Set<ChildProcess>()

afterAll(() => {
  for (const child of running) child.kill('SIGKILL')
  rmSync(dataDir, { recursive: true, force: true })
})

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

interface Launch {
  child: ChildProcess
  output: () => string
  exit: Promise<number | null>
}

function launch(env: Record<string, string>): Launch {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, NODE_ENV: 'development' }
  delete childEnv.DATABASE_URL
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/src/start.ts'], {
    cwd: repoRoot,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.add(child)
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exit = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child)
      resolve(code)
    }),
  )
  return { child, output: () => output, exit }
}

async function waitForOutput(run: Launch, text: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let exited = false
  void run.exit.then(() => (exited = true))
  while (!run.output().includes(text)) {
    if (exited || Date.now() > deadline) {
      throw new Error(`launcher never printed "${text}"; it printed:\n${run.output().slice(-4000)}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

function embeddedDatabaseUrl(): string {
  const { port } = JSON.parse(readFileSync(path.join(dataDir, 'server.json'), 'utf8')) as {
    port: number
  }
  return `postgres://postgres@127.0.0.1:${port}/postgres`
}

async function sql<T extends pg.QueryResultRow>(
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: embeddedDatabaseUrl() })
  await client.connect()
  try {
    return (await client.query<T>(text, params)).rows
  } finally {
    await client.end()
  }
}

describe('npm start with no database installed', () => {
  test('serves the web app and a ready api from a fresh data folder, keeps the data across a restart, and stops cleanly', async () => {
    const [webPort, apiPort] = [await freePort(), API_PORT]
    const env = { TASKWISE_DATA_DIR: dataDir, WEB_PORT: String(webPort), API_PORT: String(apiPort) }

    // Fresh folder.
    const first = launch(env)
    await waitForOutput(first, 'Taskwise is running', 540_000)
    expect(first.output()).toContain(`open http://localhost:${webPort}`)
    expect((await fetch(`http://127.0.0.1:${apiPort}/ready`)).status).toBe(200)
    const home = await fetch(`http://127.0.0.1:${webPort}/`)
    expect(home.status).toBe(200)
    expect(await home.text()).toContain('Taskwise')
    await sql(`insert into "user" (name, email) values ('Ada', 'ada@example.com')`)

    // A second launcher on the same folder refuses instead of corrupting it.
    const second = launch(env)
    expect(await second.exit).toBe(1)
    expect(second.output()).toContain('already served by another Taskwise process')

    first.child.kill('SIGTERM')
    expect(await first.exit).toBe(0)
    expect(first.output()).toContain('taskwise: stopped')
    expect(existsSync(path.join(dataDir, 'server.json'))).toBe(false)

    // Existing folder: starts again, with the data still there.
    const again = launch(env)
    await waitForOutput(again, 'Taskwise is running', 240_000)
    expect(again.output()).toContain('database schema is up to date')
    expect((await fetch(`http://127.0.0.1:${apiPort}/ready`)).status).toBe(200)
    expect(await sql<{ email: string }>('select email from "user"')).toEqual([
      { email: 'ada@example.com' },
    ])
    again.child.kill('SIGTERM')
    expect(await again.exit).toBe(0)
  })
})
