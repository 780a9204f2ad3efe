import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import https from 'node:https'
import { problemResponseParts } from './problem-reply'

/**
 * The task routes (`/api/{userId}/tasks…`) are the api's: the web server forwards them to API_URL
 * as they come, streaming both ways, over kept-alive connections. `/api/auth/*` is Better Auth's
 * and never forwarded. When the api cannot be reached the browser gets problem+json: 503 with
 * Retry-After when the connection was refused (the request never reached the api, so a retry is
 * safe), 502 when the api took the request and gave no answer (docs/decisions/0520-web-server.md).
 */

const TASK_ROUTE = /^\/api\/(?!auth(?:\/|$))[^/?]+\/tasks(?:[/?]|$)/

/** True for a path (with or without its query) that belongs to the api. */
export function isTaskRoute(url: string): boolean {
  return TASK_ROUTE.test(url)
}

/** Hop-by-hop headers (RFC 9110 §7.6.1) and the forwarding headers the web server sets itself. */
const NOT_FORWARDED = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
])

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
])

export interface TaskProxyOptions {
  apiUrl: string
  /** How long the api may take to start answering before the browser gets a 502. */
  timeoutMs: number
  /** Seconds a 503 asks the client to wait. */
  retryAfterSeconds: number
}

export type TaskProxy = ((
  request: IncomingMessage,
  response: ServerResponse,
  clientAddress: string | null,
) => void) & { close(): void }

export function createTaskProxy(options: TaskProxyOptions): TaskProxy {
  const target = new URL(options.apiUrl)
  const transport = target.protocol === 'https:' ? https : http
  // Idle connections are dropped well before the api's own keep-alive timeout (72 s), so a
  // request never lands on a connection the api is closing.
  const agent = new transport.Agent({ keepAlive: true, maxSockets: 256, timeout: 30_000 })
  const basePath = target.pathname.replace(/\/+$/, '')

  const proxy = (
    request: IncomingMessage,
    response: ServerResponse,
    clientAddress: string | null,
  ) => {
    const headers: http.OutgoingHttpHeaders = {}
    for (const [name, value] of Object.entries(request.headers)) {
      if (!NOT_FORWARDED.has(name) && value !== undefined) headers[name] = value
    }
    headers.host = target.host
    if (clientAddress) headers['x-forwarded-for'] = clientAddress

    const upstream = transport.request({
      protocol: target.protocol,
      hostname: target.hostname,
      port: target.port,
      method: request.method,
      path: `${basePath}${request.url ?? '/'}`,
      headers,
      agent,
    })
    let state: 'waiting' | 'streaming' | 'failed' = 'waiting'
    const fail = (status: 502 | 503, detail: string) => {
      if (state !== 'waiting') return
      state = 'failed'
      upstream.destroy()
      if (response.headersSent) {
        response.destroy()
        return
      }
      const {
        status: code,
        headers: problemHeaders,
        body,
      } = problemResponseParts(
        status === 503 ? 'service_unavailable' : 'bad_gateway',
        detail,
        status === 503 ? { 'retry-after': String(options.retryAfterSeconds) } : {},
      )
      response.writeHead(code, problemHeaders).end(body)
    }

    upstream.setTimeout(options.timeoutMs, () =>
      fail(502, `The api did not answer within ${Math.round(options.timeoutMs / 1000)} s.`),
    )
    upstream.on('response', (answer) => {
      if (state !== 'waiting') return answer.resume()
      state = 'streaming'
      upstream.setTimeout(0)
      const out: http.OutgoingHttpHeaders = {}
      for (const [name, value] of Object.entries(answer.headers)) {
        if (!NOT_FORWARDED.has(name) && value !== undefined) out[name] = value
      }
      response.writeHead(answer.statusCode ?? 502, out)
      answer.pipe(response)
      answer.on('error', () => response.destroy())
    })
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      if (state === 'streaming') response.destroy()
      if (state !== 'waiting') return
      if (UNREACHABLE.has(error.code ?? '')) {
        fail(503, 'The task service cannot be reached right now. Try again shortly.')
      } else {
        fail(502, 'The task service did not answer this request.')
      }
    })
    // A browser that goes away stops the request to the api too.
    response.on('close', () => {
      if (!response.writableFinished) upstream.destroy()
    })
    request.pipe(upstream)
  }
  return Object.assign(proxy, { close: () => agent.destroy() })
}
