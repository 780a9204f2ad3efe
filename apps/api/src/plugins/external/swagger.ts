import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { JWT_COOKIE_NAME, SECURE_JWT_COOKIE_NAME } from '@taskwise/contracts/auth'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { problemResponse } from '../../routes/problem-responses'
import { finishDocument, type DocumentedRoute } from './openapi-document'

/** What GET /openapi.json is documented as answering (the document itself). */
const openApiDocumentSchema = z
  .looseObject({
    openapi: z.literal('3.1.0'),
    info: z.looseObject({ title: z.string(), version: z.string() }),
    paths: z.record(z.string(), z.unknown()),
  })
  .describe('This OpenAPI 3.1 document')

/**
 * OpenAPI 3.1, generated from the routes' zod schemas (the same ones that validate requests), at
 * /openapi.json, and browsable at /docs. The document names every path and method the api
 * serves, HEAD included, and nothing else: the UI's own pages under /docs are not part of the
 * api (docs/decisions/0107-exact-openapi.md).
 */
export const swaggerPlugin = fp(
  async (fastify: FastifyInstance) => {
    // The routes as the generator sees them, for what it cannot write itself (openapi-document.ts).
    const routes: DocumentedRoute[] = []

    await fastify.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Taskwise API',
          version: '1.0.0',
          description:
            'Task CRUD sealed per user. Authenticate with `Authorization: Bearer <jwt>` (a JWT issued by the Taskwise web app), or, from the browser through the web origin, with the httpOnly JWT cookie. Errors are RFC 9457 problem details (`application/problem+json`). Any route may also answer, before routing, 408 (the request headers or body arrived too slowly: API_HEADERS_TIMEOUT_MS, API_REQUEST_TIMEOUT_MS; the connection is then closed), 431 (headers too large) or 400 (not valid HTTP). The web app documents its auth routes at `/api/auth/openapi.json`.',
        },
        components: {
          securitySchemes: {
            bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
            cookie: {
              type: 'apiKey',
              in: 'cookie',
              name: JWT_COOKIE_NAME,
              description: `The JWT cookie the web app sets; named \`${SECURE_JWT_COOKIE_NAME}\` under https. A cookie-authenticated change must come with a same-origin Origin header (else 403).`,
            },
          },
        },
      },
      // Fastify answers HEAD for every GET route: the document says so.
      exposeHeadRoutes: true,
      transform: (input) => {
        if (input.route.schema) routes.push({ ...input.route, schema: input.route.schema })
        return jsonSchemaTransform(input)
      },
      transformObject: (input) => finishDocument(jsonSchemaTransformObject(input), routes),
    })

    await fastify.register(swaggerUi, {
      routePrefix: '/docs',
      // The UI's own pages need scripts and styles from this origin; the rest of the api allows none.
      staticCSP:
        "default-src 'self'; base-uri 'self'; connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'; img-src 'self' data:; object-src 'none'; script-src 'self'; script-src-attr 'none'; style-src 'self' 'unsafe-inline'",
    })

    fastify.get(
      '/openapi.json',
      {
        schema: {
          tags: ['documentation'],
          summary: 'This document',
          response: {
            200: openApiDocumentSchema,
            503: problemResponse(503, 'The api is shutting down (with Retry-After)'),
          },
        },
      },
      // Written as it is: the document is not run through a response serializer.
      async (_request, reply) =>
        reply.type('application/json').send(JSON.stringify(fastify.swagger())),
    )
  },
  { name: 'swagger' },
)
