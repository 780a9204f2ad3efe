import { spawn, type ChildProcess } from 'node:child_process'
import { Agent, request } from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createTestDatabase, type TestDatabase } from '@taskwise/db/testing'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { recordFigure } from './testing/figures'
import { createTcpProxy, freePort, hostAndPort, viaPort, type TcpProxy } from './testing/tcp-proxy'

/** server.ts as the launcher runs it: `node --import tsx src/server.ts`, on a real port. */

const FAULT = 'api: SIGTERM under load'

const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

interface Started {
  child: ChildProcess
  output: () => string
  exited: Promise<number | null>
}

function startServer(env: Record<string, string>): Started {
  // Only what is given: the test's own environment (a DATABASE_URL, say) must not leak in.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: apiRoot,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, output: () => output, exited }
}

async function waitFor(condition: () => boolean, what: string, ms = 20_000) {
  const deadline = Date.now() + ms
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

function get(
  port: number,
  url: string,
  agent: Agent | false = false,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path: url, agent }, (response) => {
      let body = ''
      response.on('data', (chunk: Buffer) => (body += chunk.toString()))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
    })
    outgoing.on('error', reject)
    outgoing.end()
  })
}

describe('server.ts', () => {
  test('a missing DATABASE_URL stops start-up with a sentence that names it', async () => {
    const started = startServer({ API_PORT: String(await freePort()) })
    expect(await started.exited).toBe(1)
    expect(started.output()).toContain('Taskwise api: setting DATABASE_URL is required.')
  })

  test('a bad API_PORT stops start-up and names the setting', async () => {
    const started = startServer({ DATABASE_URL: 'postgres://x@127.0.0.1/x', API_PORT: 'eighty' })
    expect(await started.exited).toBe(1)
    expect(started.output()).toContain('setting API_PORT is invalid')
  })

  describe('on SIGTERM', () => {
    let database: TestDatabase
    let proxy: TcpProxy

    beforeAll(async () => {
      database = await createTestDatabase()
      // A slow database, so that a request is still in flight when the signal arrives.
      proxy = createTcpProxy(await freePort(), hostAndPort(database.url), { delayMs: 250 })
      await proxy.start()
    })

    afterAll(async () => {
      await proxy?.stop()
      await database?.drop()
    })

    test('under load: every request in flight finishes, later ones are refused, and it exits 0', async () => {
      const port = await freePort()
      const started = startServer({
        DATABASE_URL: viaPort(database.url, proxy.port),
        API_PORT: String(port),
        API_HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
      })
      // Kept-alive connections, as a proxy in front of the api keeps them.
      const agent = new Agent({ keepAlive: true, maxSockets: 6 })
      const outcomes: { sentAt: number; doneAt: number; status?: number; error?: string }[] = []
      let running = true
      async function worker() {
        while (running) {
          const sentAt = performance.now()
          try {
            const { status } = await get(port, '/ready', agent)
            outcomes.push({ sentAt, doneAt: performance.now(), status })
          } catch (error) {
            const code = (error as NodeJS.ErrnoException).code ?? String(error)
            outcomes.push({ sentAt, doneAt: performance.now(), error: code })
            await new Promise((resolve) => setTimeout(resolve, 20))
          }
        }
      }
      try {
        await waitFor(() => started.output().includes('Server listening'), 'the server to listen')
        const workers = Array.from({ length: 6 }, () => worker())
        await waitFor(() => outcomes.length >= 6, 'a first round of answers')
        await new Promise((resolve) => setTimeout(resolve, 100)) // requests are in flight now
        const signalledAt = performance.now()
        started.child.kill('SIGTERM')
        const exitCode = await started.exited
        const exitedAt = performance.now()
        await waitFor(() => outcomes.some((o) => o.sentAt > exitedAt), 'a request after the exit')
        running = false
        await Promise.all(workers)

        expect(exitCode).toBe(0)
        const before = outcomes.filter((outcome) => outcome.sentAt < signalledAt)
        const inFlight = before.filter((outcome) => outcome.doneAt > signalledAt)
        expect(inFlight.length).toBeGreaterThan(0)
        // Nothing sent before the signal is lost: every one is answered, and answered 200.
        expect(before.filter((outcome) => outcome.status !== 200)).toEqual([])
        // Afterwards: a 503 (Retry-After) on a kept-alive connection, or no connection at all.
        const after = outcomes.filter((outcome) => outcome.sentAt > signalledAt)
        for (const outcome of after) {
          expect(
            outcome.status === 503 || /ECONNREFUSED|ECONNRESET/.test(outcome.error ?? ''),
          ).toBe(true)
        }
        expect(started.output()).toContain('closing: finishing in-flight requests')

        recordFigure(FAULT, 'requests in flight at the signal', inFlight.length, '')
        recordFigure(
          FAULT,
          'of them answered 200',
          inFlight.filter((o) => o.status === 200).length,
          '',
        )
        recordFigure(
          FAULT,
          'requests sent before the signal and lost',
          before.length - before.filter((o) => o.status === 200).length,
          '',
        )
        recordFigure(
          FAULT,
          'requests refused after the signal (503 or no connection)',
          after.length,
          '',
        )
        recordFigure(FAULT, 'time from the signal to exit 0', exitedAt - signalledAt, 'ms')
      } finally {
        agent.destroy()
        started.child.kill('SIGKILL')
      }
    })
  })
})
