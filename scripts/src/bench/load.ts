import { runJsonChild } from './child'
import type { LatencySummary } from './stats'

/**
 * What the orchestrator asks of the load runner (load-runner.ts), which runs autocannon in a
 * process of its own so that the load generator never shares an event loop with a server or
 * with the orchestrator.
 */

export interface LoadRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  path: string
  headers?: Record<string, string>
  body?: string
}

export interface LoadSpec {
  /** Origin the requests go to, e.g. http://127.0.0.1:4910. */
  url: string
  connections: number
  /**
   * `cycle`: run for `durationSeconds`, every connection cycling through `requests`.
   * `once`: send every request exactly once, handed out in order across the connections
   * (deletes of distinct tasks, a burst of sign-ins of distinct users).
   */
  mode: 'cycle' | 'once'
  durationSeconds?: number
  /** A discarded run of this length first (cycle mode only): JIT, pools and caches warm up. */
  warmupSeconds?: number
  requests: LoadRequest[]
  timeoutSeconds?: number
}

export interface LoadResult {
  /** Responses received (any status). */
  responses: number
  /** From the first connection to the last response, in ms. */
  wallMs: number
  requestsPerSecond: number
  latencyMs: LatencySummary
  /** Responses by HTTP status. */
  statuses: Record<string, number>
  /** Connection errors, timeouts and non-2xx responses. */
  errors: number
  /** The first few non-2xx statuses, to tell why a run failed. */
  failures: string[]
  /** CPU time each of our services used during the run, in ms (added by the orchestrator). */
  serverCpuMs?: Record<string, number>
}

/** Runs one load in a child process and returns its result. */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return runJsonChild<LoadResult>('load-runner.ts', spec)
}
