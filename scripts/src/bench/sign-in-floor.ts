import path from 'node:path'
import { repoRoot } from '@taskwise/db/paths'
import { startService, stopService, waitForOk, type Service } from '../lib/processes'
import { SIGNIN_FLOOR_PORT } from './constants'

/** The sign-in floor (sign-in-floor-server.ts) in a process of its own, on the stack's database. */
export async function startSignInFloor(options: {
  databaseUrl: string
  env: Record<string, string>
  onLine(line: string): void
}): Promise<{ service: Service; url: string; stop(): Promise<void> }> {
  const url = `http://127.0.0.1:${SIGNIN_FLOOR_PORT}`
  const service = startService(
    'sign-in-floor',
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'scripts/src/bench/sign-in-floor-server.ts')],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        ...options.env,
        SIGNIN_FLOOR_DATABASE_URL: options.databaseUrl,
        SIGNIN_FLOOR_PORT: String(SIGNIN_FLOOR_PORT),
      },
      quiet: true,
      onLine: options.onLine,
    },
  )
  const stop = () => stopService(service)
  try {
    await waitForOk(`${url}/health`, service, 60_000)
  } catch (error) {
    await stop()
    throw error
  }
  return { service, url, stop }
}
