import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { WebConfig } from '../server/config'
import { clientAddressResolver } from './client-address'
import { directHandlerOf, serveDirect } from './direct-route'
import { problemResponseParts } from './problem-reply'
import { replaceForwardingHeaders } from './request-headers'
import { securityHeaders } from './security-headers'
import { createTaskProxy, isTaskRoute } from './task-proxy'

/**
 * The web app's HTTP server (docs/decisions/0520-web-server.md): one node:http server in front of
 * Next's request handler. For every request it resolves the client's address, replaces the
 * forwarding headers, adds the security headers, and sends the task routes to the api itself.
 * Its timeouts cut off clients that dribble their headers or body; {@link WebServer.drain}
 * stops it gracefully.
 */

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => unknown

export interface WebServer {
  server: http.Server
  /** Set once the server is stopped: Next's handler, when it is ready. */
  setHandler(handler: RequestHandler): void
  /**
   * Stops accepting connections, answers requests that arrive on open connections with 503,
   * lets the in-flight ones finish, and resolves true when all are done; false when `graceMs`
   * ran out and the remaining connections were cut.
   */
  drain(graceMs: number): Promise<boolean>
}

/** How often the server looks for connections past their headers or request timeout. */
const TIMEOUT_CHECK_INTERVAL_MS = 500
/** What a 503 while stopping asks the client to wait, in seconds. */
const RETRY_AFTER_SECONDS = 2

export function createWebServer(config: WebConfig): WebServer {
  const resolveClient = clientAddressResolver(config.clientIp)
  const origin = new URL(config.baseUrl).origin
  const headers = Object.entries(securityHeaders({ https: config.baseUrl.startsWith('https://') }))
  const proxyTasks = createTaskProxy({
    apiUrl: config.apiUrl,
    timeoutMs: config.server.apiTimeoutMs,
    retryAfterSeconds: RETRY_AFTER_SECONDS,
  })
  let handler: RequestHandler | null = null
  let draining = false
  const inFlight = new Set<ServerResponse>()

  const refuse = (response: ServerResponse, detail: string) => {
    const reply = problemResponseParts('service_unavailable', detail, {
      'retry-after': String(RETRY_AFTER_SECONDS),
      connection: 'close',
    })
    response.writeHead(reply.status, reply.headers).end(reply.body)
  }

  const server = http.createServer(
    {
      headersTimeout: config.server.headersTimeoutMs,
      requestTimeout: config.server.requestTimeoutMs,
      keepAliveTimeout: config.server.keepAliveTimeoutMs,
      connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
    },
    (request, response) => {
      for (const [name, value] of headers) response.setHeader(name, value)
      if (draining) return refuse(response, 'The web app is restarting. Try again shortly.')
      if (!handler) return refuse(response, 'The web app is starting. Try again shortly.')
      inFlight.add(response)
      response.once('close', () => {
        inFlight.delete(response)
        if (draining) server.closeIdleConnections()
      })
      const client = resolveClient(
        request.socket.remoteAddress,
        request.headers[config.clientIp.header],
      )
      replaceForwardingHeaders(request.headers, client, config.clientIp.header)
      if (isTaskRoute(request.url ?? '/')) return proxyTasks(request, response, client)
      // Routes whose module Next has loaded and registered are served past its router (0322).
      const direct = directHandlerOf(request)
      if (direct) return serveDirect(direct, request, response, origin)
      return handler(request, response)
    },
  )

  return {
    server,
    setHandler(next) {
      handler = next
    },
    drain(graceMs) {
      draining = true
      // Responses not yet begun tell their client to drop the connection.
      for (const response of inFlight) {
        if (!response.headersSent) response.setHeader('connection', 'close')
      }
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          server.closeAllConnections()
          resolve(false)
        }, graceMs)
        server.close(() => {
          clearTimeout(timer)
          proxyTasks.close()
          resolve(true)
        })
        server.closeIdleConnections()
      })
    },
  }
}
