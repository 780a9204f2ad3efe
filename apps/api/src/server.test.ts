import { spawn, type ChildProcess } from 'node:child_process'
import { request } from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createTestDatabase, type TestDatabase } from '@taskwise/db/testing'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createTcpProxy, freePort, hostAndPort, viaPort, type TcpProxy } from './testing/tcp-proxy'

/** server.ts as the launcher runs it: `node --import tsx src/server.ts`, on a real port. */

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

function get(port: number, url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path: url, agent: false }, (response) => {
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

    test('lets the in-flight request finish, refuses new ones, and exits 0', async () => {
      const port = await freePort()
      const started = startServer({
        DATABASE_URL: viaPort(database.url, proxy.port),
        API_PORT: String(port),
        API_HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
      })
      try {
        await waitFor(() => started.output().includes('Server listening'), 'the server to listen')
        let answeredAt = 0
        const inFlight = get(port, '/ready').finally(() => (answeredAt = Date.now()))
        await new Promise((resolve) => setTimeout(resolve, 150))
        const signalledAt = Date.now()
        started.child.kill('SIGTERM')

        const answer = await inFlight
        expect(answeredAt).toBeGreaterThan(signalledAt) // it really was in flight
        expect(answer).toEqual({ status: 200, body: '{"status":"ready"}' })
        expect(await started.exited).toBe(0)
        await expect(get(port, '/health')).rejects.toThrow(/ECONNREFUSED/)
        expect(started.output()).toContain('closing: finishing in-flight requests')
      } finally {
        started.child.kill('SIGKILL')
      }
    })
  })
})
