// The part of autocannon 8's API that the load runner uses (the package ships no types, and
// @types/autocannon lags behind its options). Latencies are in milliseconds.
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  export interface AutocannonRequest {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string
    setupRequest?: (
      request: AutocannonRequest,
      context: Record<string, unknown>,
    ) => AutocannonRequest
  }

  export interface AutocannonOptions {
    url: string
    connections?: number
    duration?: number
    amount?: number
    timeout?: number
    pipelining?: number
    requests?: AutocannonRequest[]
    headers?: Record<string, string>
  }

  export interface AutocannonResult {
    duration: number
    errors: number
    timeouts: number
    non2xx: number
    statusCodeStats: Record<string, { count: number }>
    requests: { sent: number; total: number; average: number }
    latency: { totalCount: number }
  }

  export interface AutocannonInstance extends EventEmitter {
    on(
      event: 'response',
      listener: (
        client: unknown,
        statusCode: number,
        bytes: number,
        responseTimeMs: number,
      ) => void,
    ): this
    on(event: 'reqError', listener: (error: Error) => void): this
    on(event: 'done', listener: (result: AutocannonResult) => void): this
    on(event: string, listener: (...args: unknown[]) => void): this
    stop(): void
  }

  export default function autocannon(
    options: AutocannonOptions,
    callback: (error: Error | null, result: AutocannonResult) => void,
  ): AutocannonInstance
}
