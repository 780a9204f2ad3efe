import path from 'node:path'
import { repoRoot } from '@taskwise/db/paths'
import { startService, stopService, waitForOk, type Service } from '../lib/processes'
import { API_POOL_MAX, FLOOR_PORT, LIST_LIMIT, SIGNIN_FLOOR_PORT } from './constants'

export interface FloorOptions {
  databaseUrl: string
  env: Record<string, string>
  onLine(line: string): void
}

export interface Floor {
  service: Service
  url: string
  stop(): Promise<void>
}

/**
 * One of the bench's floors (bench/<script>) in a process of its own on the stack's database,
 * once its /health answers: the bare servers the app's figures are compared with.
 */
async function startFloorServer(
  name: string,
  script: string,
  port: number,
  settings: Record<string, string>,
  options: FloorOptions,
): Promise<Floor> {
  const url = `http://127.0.0.1:${port}`
  const service = startService(
    name,
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'scripts/src/bench', script)],
    {
      cwd: repoRoot,
      env: { ...process.env, ...options.env, ...settings },
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

/** The list's floor: bare Fastify + pg serving the same SELECT as the api's list (floor-server.ts). */
export function startFloor(options: FloorOptions): Promise<Floor> {
  return startFloorServer(
    'floor',
    'floor-server.ts',
    FLOOR_PORT,
    {
      FLOOR_DATABASE_URL: options.databaseUrl,
      FLOOR_PORT: String(FLOOR_PORT),
      FLOOR_POOL_MAX: String(API_POOL_MAX),
      FLOOR_LIST_LIMIT: String(LIST_LIMIT),
    },
    options,
  )
}

/** The sign-in floor (sign-in-floor-server.ts; decision 0322). */
export function startSignInFloor(options: FloorOptions): Promise<Floor> {
  return startFloorServer(
    'sign-in-floor',
    'sign-in-floor-server.ts',
    SIGNIN_FLOOR_PORT,
    {
      SIGNIN_FLOOR_DATABASE_URL: options.databaseUrl,
      SIGNIN_FLOOR_PORT: String(SIGNIN_FLOOR_PORT),
    },
    options,
  )
}
