import { type IncomingMessage, type ServerResponse } from 'node:http'
import { directRouteFor, type DirectHandler } from '../server/http/direct-routes'
import { problemResponseParts } from './problem-reply'

/**
 * Serving a route registered in src/server/http/direct-routes.ts without Next's router
 * (docs/decisions/0322-sign-in-without-next-router.md): the Node request becomes a fetch Request,
 * the handler's Response is written back. Nothing else of Next's stood on these routes' path:
 * proxy.ts matches no /api/* route and the handlers read no next/headers.
 */

/** Bodies past this are not read: the routes refuse anything past 16 KiB anyway (json-body.ts). */
const MAX_BODY_BYTES = 64 * 1024

function reply(response: ServerResponse, parts: ReturnType<typeof problemResponseParts>): void {
  if (response.headersSent) {
    response.end()
    return
  }
  response.writeHead(parts.status, parts.headers).end(parts.body)
}

/** The handler for this request, if it is one of the registered routes (exact path, any query). */
export function directHandlerOf(request: IncomingMessage): DirectHandler | undefined {
  const url = request.url ?? '/'
  const query = url.indexOf('?')
  return directRouteFor(request.method ?? 'GET', query === -1 ? url : url.slice(0, query))
}

async function bodyOf(request: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) return null
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

/**
 * The Request's URL is the app's public origin and the request's path: the Host header is the
 * client's to write (autocannon sends `undefined:undefined`), and the handlers read the path only.
 */
function fetchRequest(request: IncomingMessage, body: Buffer, origin: string): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue
    if (Array.isArray(value)) for (const item of value) headers.append(name, item)
    else headers.set(name, value)
  }
  const url = `${origin}${request.url ?? '/'}`
  const method = request.method ?? 'GET'
  const hasBody = method !== 'GET' && method !== 'HEAD'
  return new Request(url, { method, headers, ...(hasBody ? { body: new Uint8Array(body) } : {}) })
}

export async function serveDirect(
  handler: DirectHandler,
  request: IncomingMessage,
  response: ServerResponse,
  origin: string,
): Promise<void> {
  try {
    const body = await bodyOf(request)
    if (body === null) {
      const detail = 'The request body is too large.'
      return reply(
        response,
        problemResponseParts('payload_too_large', detail, { connection: 'close' }),
      )
    }
    const answer = await handler(fetchRequest(request, body, origin))
    const payload = Buffer.from(await answer.arrayBuffer())
    response.statusCode = answer.status
    answer.headers.forEach((value, name) => {
      if (name !== 'set-cookie') response.setHeader(name, value)
    })
    const cookies = answer.headers.getSetCookie()
    if (cookies.length > 0) response.setHeader('set-cookie', cookies)
    response.setHeader('content-length', payload.length)
    response.end(payload)
  } catch (error) {
    // routeHandler answers every error of the handler; this is the conversion's own.
    console.error('taskwise web: a direct route failed', error)
    reply(response, problemResponseParts('internal_error', 'Something went wrong on our side.'))
  }
}
