import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import helmet, { type HelmetOptions } from 'helmet'

/**
 * Security headers on every response. The api serves JSON, so its policy forbids everything;
 * the /docs pages loosen it for themselves (see swagger.ts).
 *
 * helmet's headers depend only on its options, so they are worked out once at start-up and the
 * same set is added to each response (@fastify/helmet rebuilt helmet's middleware on every
 * request: ~2 % of the api's busy time in the list benchmark, docs/decisions/0315).
 */
const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  },
  crossOriginResourcePolicy: { policy: 'same-origin' },
}

/** The headers helmet sets with these options, read from one run of its middleware. */
function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {}
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value)
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()]
    },
  } as unknown as ServerResponse
  let failure: unknown
  helmet(options)({} as IncomingMessage, response, (error?: unknown) => {
    failure = error
  })
  if (failure) throw failure
  return headers
}

export const helmetPlugin = fp(
  async (fastify: FastifyInstance) => {
    const headers = helmetHeaders(HELMET_OPTIONS)
    fastify.addHook('onRequest', (_request, reply, done) => {
      reply.headers(headers)
      done()
    })
  },
  { name: 'helmet' },
)
