import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'

export interface Service {
  name: string
  child: ChildProcess
  exited: Promise<number | null>
}

/** Starts a long-running child whose output lines are prefixed with its name. */
export function startService(
  name: string,
  command: string,
  args: string[],
  options: {
    cwd: string
    env: NodeJS.ProcessEnv
    quiet?: boolean
    /** Also given every output line (e.g. to keep a quiet service's log in a file). */
    onLine?: (line: string) => void
  },
): Service {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue
    const lines = createInterface({ input: stream })
    lines.on('line', (line) => {
      if (!options.quiet) process.stdout.write(`[${name}] ${line}\n`)
      options.onLine?.(line)
    })
  }
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )
  return { name, child, exited }
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the child has exited. */
export async function stopService(service: Service, graceMs = 10_000): Promise<void> {
  if (service.child.exitCode !== null || service.child.signalCode !== null) return
  service.child.kill('SIGTERM')
  const timer = setTimeout(() => service.child.kill('SIGKILL'), graceMs)
  await service.exited
  clearTimeout(timer)
}

/** Runs a command to completion with inherited output; rejects on a non-zero exit. */
export async function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<void> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: 'inherit',
  })
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}`)
}

/** Polls `url` until it answers 200, the service exits, or `timeoutMs` passes. */
/**
 * How long a service may take to answer its first request: the api (transpiled by tsx at start)
 * and the web server alike. One minute was not always enough for the api on a loaded 2-core
 * machine running the test suite beside it.
 */
export const STARTUP_TIMEOUT_MS = 180_000

export async function waitForOk(
  url: string,
  service: Service,
  timeoutMs = STARTUP_TIMEOUT_MS,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let exited = false
  void service.exited.then(() => (exited = true))
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${service.name} exited before it answered ${url}`)
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) })
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`${service.name} did not answer ${url} within ${Math.round(timeoutMs / 1000)} s`)
}
