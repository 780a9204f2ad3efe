import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { JWT_COOKIE_NAME } from '@taskwise/contracts/auth'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod'

/**
 * OpenAPI 3.1, generated from the routes' zod schemas (the same ones that validate requests), at
 * /openapi.json, and browsable at /docs.
 */
export const swaggerPlugin = fp(
  async (fastify: FastifyInstance) => {
    await fastify.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Taskwise API',
          version: '1.0.0',
          description:
            'Task CRUD sealed per user. Authenticate with `Authorization: Bearer <jwt>` (a JWT issued by the Taskwise web app), or, from the browser through the web origin, with the httpOnly JWT cookie. Errors are RFC 9457 problem details (`application/problem+json`).',
        },
        components: {
          securitySchemes: {
            bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
            cookie: { type: 'apiKey', in: 'cookie', name: JWT_COOKIE_NAME },
          },
        },
      },
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    })

    await fastify.register(swaggerUi, {
      routePrefix: '/docs',
      // The UI's own pages need scripts and styles from this origin; the rest of the api allows none.
      staticCSP:
        "default-src 'self'; base-uri 'self'; connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'; img-src 'self' data:; object-src 'none'; script-src 'self'; script-src-attr 'none'; style-src 'self' 'unsafe-inline'",
    })

    fastify.get('/openapi.json', { schema: { hide: true } }, async () => fastify.swagger())
  },
  { name: 'swagger' },
)
