import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))

/**
 * Runs one of the benchmark's runner scripts (a file in this folder) in a child process: the
 * input goes to its stdin as JSON, its last stdout line is read back as JSON.
 */
export async function runJsonChild<Output>(file: string, input: unknown): Promise<Output> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, file)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  let stdout = ''
  child.stdout.setEncoding('utf8')
  child.stdout.on('data', (chunk: string) => (stdout += chunk))
  child.stdin.end(JSON.stringify(input))
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  const last = stdout.trim().split('\n').at(-1)
  if (code !== 0 || !last) throw new Error(`bench: ${file} exited with ${code}`)
  return JSON.parse(last) as Output
}
