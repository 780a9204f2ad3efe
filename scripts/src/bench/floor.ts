import path from 'node:path'
import { repoRoot } from '@taskwise/db/paths'
import { startService, stopService, waitForOk, type Service } from '../lib/processes'
import { API_POOL_MAX, FLOOR_PORT, LIST_LIMIT } from './constants'

/** The floor: bare Fastify + pg serving the same SELECT as the api's list (floor-server.ts). */
export async function startFloor(options: {
  databaseUrl: string
  env: Record<string, string>
  onLine(line: string): void
}): Promise<{ service: Service; url: string; stop(): Promise<void> }> {
  const url = `http://127.0.0.1:${FLOOR_PORT}`
  const service = startService(
    'floor',
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'scripts/src/bench/floor-server.ts')],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        ...options.env,
        FLOOR_DATABASE_URL: options.databaseUrl,
        FLOOR_PORT: String(FLOOR_PORT),
        FLOOR_POOL_MAX: String(API_POOL_MAX),
        FLOOR_LIST_LIMIT: String(LIST_LIMIT),
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
