import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The real web server (src/web-server/main.ts over the production build in .next) as a child
 * process, for tests of what only a running server shows: its socket, timeouts and signals.
 * `npm test` builds the app before any test runs.
 */

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

export interface WebProcess {
  url: string
  port: number
  child: ChildProcess
  output(): string
  exited: Promise<number | null>
  stop(): Promise<void>
}

/** One secret for every server a test file starts: they share a database, hence its keys. */
const secret = randomBytes(32).toString('base64url')

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** Starts the web server in production mode with `env` on top of a working minimum. */
export async function startWebProcess(env: Record<string, string>): Promise<WebProcess> {
  if (!existsSync(path.join(webDir, '.next/BUILD_ID'))) {
    throw new Error(
      'apps/web has no production build: run `npm test` (it builds) or `npm run build`',
    )
  }
  const port = await freePort()
  const url = `http://localhost:${port}`
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    LOG_LEVEL: 'warn',
    WEB_PORT: String(port),
    BETTER_AUTH_URL: url,
    BETTER_AUTH_SECRET: secret,
    MAIL_TRANSPORT: 'outbox',
    SMTP_URL: '',
    TRUSTED_PROXIES: '',
    ...env,
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/web-server/main.ts'], {
    cwd: webDir,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  let gone = false
  void exited.then(() => (gone = true))
  const deadline = Date.now() + 60_000
  while (!output.includes('taskwise web: listening')) {
    if (gone || Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`the web server did not start; it printed:\n${output.slice(-3000)}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return {
    url,
    port,
    child,
    output: () => output,
    exited,
    async stop() {
      if (!gone) child.kill('SIGKILL')
      await exited
    },
  }
}
