import { JWT_COOKIE_NAME, SECURE_JWT_COOKIE_NAME } from '@taskwise/contracts/auth'
import { PROBLEM_CONTENT_TYPE } from '@taskwise/contracts/problem'
import { SESSION_COOKIE_NAMES } from '../../lib/session-cookie'
import { authOperations, type AuthOperation } from './auth-operations'
import { healthOperations } from './health-operations'
import { componentSchemas, inputSchemas, outputSchemas, SCHEMA_REF } from './auth-components'

/**
 * The OpenAPI 3.1 document of the web app's auth contract, served at GET /api/auth/openapi.json:
 * the component schemas are generated from the zod schemas in packages/contracts (the ones the
 * routes validate with), the operations from ./auth-operations.ts. Better Auth's own routes
 * (/api/auth/sign-in/email, …) are not part of the contract and are not in it.
 */

export const AUTH_OPENAPI_PATH = '/api/auth/openapi.json'

type Json = Record<string, unknown>

const problemContent = { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: `${SCHEMA_REF}Problem` } } }

const retryAfter = {
  description: 'Seconds to wait before trying again',
  required: true,
  schema: { type: 'string', pattern: '^[0-9]+$' },
}

const wwwAuthenticate = {
  description: '`Bearer`, or `Bearer error="invalid_token"` when a token was sent',
  required: true,
  schema: { type: 'string', pattern: '^Bearer' },
}

const setCookie = (description: string) => ({
  description,
  required: false,
  schema: { type: 'string' },
})

function problemResponse(operation: AuthOperation, status: number, description: string): Json {
  const headers: Json = {}
  if (status === 401 && operation.signedIn) headers['WWW-Authenticate'] = wwwAuthenticate
  if (status === 429 || status === 503) headers['Retry-After'] = retryAfter
  return {
    description,
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    content: problemContent,
  }
}

function successResponse({ success }: AuthOperation): Json {
  return {
    description: success.description,
    ...(success.cookies
      ? { headers: { 'Set-Cookie': setCookie(`The auth cookies, ${success.cookies}`) } }
      : {}),
    ...(success.schema
      ? { content: { 'application/json': { schema: { $ref: `${SCHEMA_REF}${success.schema}` } } } }
      : {}),
  }
}

function operationObject(operation: AuthOperation): Json {
  const responses: Json = { [operation.success.status]: successResponse(operation) }
  for (const [status, description] of Object.entries(operation.problems)) {
    responses[status] = problemResponse(operation, Number(status), description)
  }
  const parameters = [...operation.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    description:
      operation.pathParameter ??
      'The id of one of your sessions, from GET /api/auth/sessions (404 for any other)',
    schema: { type: 'string' },
  }))
  return {
    summary: operation.summary,
    tags: ['auth'],
    ...(operation.signedIn
      ? { security: [{ bearer: [] }, { session: [] }, { jwtCookie: [] }] }
      : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: `${SCHEMA_REF}${operation.body}` } } },
          },
        }
      : {}),
    responses,
  }
}

const documentOperation: AuthOperation = {
  method: 'get',
  path: AUTH_OPENAPI_PATH,
  summary: 'This document',
  signedIn: false,
  success: { status: 200, description: 'This OpenAPI 3.1 document', schema: 'OpenApiDocument' },
  problems: {},
}

const databaseUnavailable =
  'The database cannot be reached, or no connection freed up in time (with Retry-After)'

export function authOpenApiDocument(): Json {
  const paths: Record<string, Json> = {}
  // Every auth route needs the database: when it cannot be reached, or no pooled connection
  // frees up in time, the answer is a 503 (server/http/route-handler.ts).
  const withDatabase = authOperations.map((operation) => ({
    ...operation,
    problems: { ...operation.problems, 503: databaseUnavailable },
  }))
  for (const operation of [...withDatabase, ...healthOperations, documentOperation]) {
    paths[operation.path] = {
      ...paths[operation.path],
      [operation.method]: operationObject(operation),
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Taskwise auth',
      version: '1.0.0',
      description:
        'The auth contract of the Taskwise web app: sign-up, sign-in, sign-out, the current user, and the account routes. JSON bodies only (415 else); errors are RFC 9457 problem details (`application/problem+json`). The tasks are served by the api, documented at its `/openapi.json`.',
    },
    tags: [{ name: 'auth' }],
    paths,
    components: {
      schemas: {
        ...componentSchemas(inputSchemas, 'input'),
        ...componentSchemas(outputSchemas, 'output'),
        OpenApiDocument: {
          type: 'object',
          properties: { openapi: { const: '3.1.0' } },
          required: ['openapi', 'info', 'paths'],
        },
      },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE_NAMES[0],
          description: `Better Auth's session cookie (\`${SESSION_COOKIE_NAMES[1]}\` under https). A cookie-carrying change must come with a same-origin Origin header (else 403).`,
        },
        jwtCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: JWT_COOKIE_NAME,
          description: `The httpOnly JWT cookie (\`${SECURE_JWT_COOKIE_NAME}\` under https)`,
        },
      },
    },
  }
}

let written: string | undefined

/** GET /api/auth/openapi.json: the same for every caller, built once. */
export function authOpenApiResponse(): Response {
  written ??= JSON.stringify(authOpenApiDocument())
  return new Response(written, {
    headers: { 'content-type': 'application/json', 'cache-control': 'public, max-age=300' },
  })
}
