import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { openApiDocumentErrors } from '@taskwise/api/src/testing/openapi-validity'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createAuthHarness, type AuthHarness } from '../auth/test-harness'
import { AUTH_OPENAPI_PATH, authOpenApiDocument } from './auth-document'

interface Operation {
  security?: unknown
  requestBody?: { required: boolean }
  responses: Record<string, { headers?: Record<string, { required?: boolean }> }>
}

const document = authOpenApiDocument() as {
  paths: Record<string, Record<string, Operation>>
}

const AUTH_ROUTES = fileURLToPath(new URL('../../app/api', import.meta.url))

/** `METHOD /path` of every route file under app/api, but Better Auth's catch-all. */
function servedRoutes(directory = AUTH_ROUTES): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(directory, entry.name)
    if (entry.isDirectory()) return entry.name.startsWith('[...') ? [] : servedRoutes(file)
    if (entry.name !== 'route.ts') return []
    const route = path
      .relative(AUTH_ROUTES, directory)
      .split(path.sep)
      .map((segment) => segment.replace(/^\[(\w+)\]$/, '{$1}'))
      .join('/')
    const methods = readFileSync(file, 'utf8').matchAll(
      /export (?:const|(?:async )?function) (GET|POST|PUT|PATCH|DELETE)\b/g,
    )
    return [...methods].map(([, method]) => `${method} /api/${route}`)
  })
}

function operations(): { name: string; operation: Operation }[] {
  return Object.entries(document.paths).flatMap(([route, item]) =>
    Object.entries(item).map(([method, operation]) => ({
      name: `${method.toUpperCase()} ${route}`,
      operation,
    })),
  )
}

describe('the auth OpenAPI document', () => {
  test('is a valid OpenAPI 3.1 document', async () => {
    expect(await openApiDocumentErrors(document)).toEqual([])
  })

  test('names every contract route the web app serves, and nothing else', () => {
    const documented = operations().map(({ name }) => name)
    expect(documented.sort()).toEqual(servedRoutes().sort())
    expect(documented).toEqual(
      expect.arrayContaining([
        'POST /api/auth/register',
        'POST /api/auth/login',
        'POST /api/auth/logout',
        'GET /api/auth/me',
        'POST /api/auth/sessions/{id}/revoke',
        'POST /api/auth/delete-account',
      ]),
    )
  })

  test('the routes that need a caller say so and answer 401 with WWW-Authenticate; 429 and 503 come with Retry-After', () => {
    for (const { name, operation } of operations()) {
      const unauthorized = operation.responses['401']
      if (operation.security) {
        expect(unauthorized?.headers?.['WWW-Authenticate']?.required, name).toBe(true)
      }
      const limited = operation.responses['429']
      if (limited) expect(limited.headers?.['Retry-After']?.required, name).toBe(true)
      const unavailable = operation.responses['503']
      if (unavailable) expect(unavailable.headers?.['Retry-After']?.required, name).toBe(true)
      // Every route but the document and /api/health needs the database, so may answer 503.
      if (!/openapi\.json|\/api\/health$/.test(name)) expect(unavailable, name).toBeDefined()
    }
    const login = document.paths['/api/auth/login']?.post
    expect(Object.keys(login?.responses ?? {}).sort()).toEqual(
      ['200', '400', '401', '403', '413', '415', '429', '503'].sort(),
    )
    expect(login?.security).toBeUndefined()
    expect(document.paths['/api/auth/me']?.get?.security).toBeDefined()
  })

  test('every route that reads a JSON body requires one and answers 400, 413 and 415', () => {
    for (const { name, operation } of operations()) {
      if (!operation.requestBody) continue
      expect(operation.requestBody.required, name).toBe(true)
      expect(Object.keys(operation.responses), name).toEqual(
        expect.arrayContaining(['400', '413', '415']),
      )
    }
    expect(document.paths['/api/auth/logout']?.post?.requestBody).toBeUndefined()
  })
})

describe('the auth test harness checks every contract answer against the document', () => {
  let harness: AuthHarness

  beforeAll(async () => {
    // The same routes, checked against a document that is wrong on purpose.
    harness = await createAuthHarness(
      {},
      {
        contractDocument: (served) => {
          const edited = structuredClone(served) as typeof document & {
            components: { schemas: Record<string, { required?: string[] }> }
          }
          delete edited.paths['/api/auth/me']?.get?.responses['401']
          edited.components.schemas.Problem?.required?.push('colour')
          return edited as unknown as Record<string, unknown>
        },
      },
    )
  })

  afterAll(async () => {
    await harness?.close()
  })

  test('serves the document at GET /api/auth/openapi.json', async () => {
    const response = await harness.request(AUTH_OPENAPI_PATH)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(authOpenApiDocument())))
  })

  test('an undocumented status, or a body of the wrong shape, makes the request fail', async () => {
    await expect(harness.request('/api/auth/me')).rejects.toThrow(
      /status 401 is not documented for GET \/api\/auth\/me/,
    )
    await expect(harness.request('/api/auth/login', { json: {} })).rejects.toThrow(
      /the body does not match the document: .*required property 'colour'/,
    )
  })

  test("Better Auth's own routes are not checked; a contract path with another method is", async () => {
    const native = await harness.request('/api/auth/get-session')
    expect(native.status).toBe(200)
    // GET /api/auth/login may only be a 404 problem (or a 405): this Problem lacks the colour.
    await expect(harness.request('/api/auth/login')).rejects.toThrow(
      /the problem does not match the document: .*required property 'colour'/,
    )
  })
})
