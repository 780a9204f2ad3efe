import { z } from 'zod'

/**
 * What the generator (@fastify/swagger with fastify-type-provider-zod's transforms) cannot say
 * on its own, written into the document once it is built (docs/decisions/0107-exact-openapi.md):
 *
 * - a request body is required only when the route's schema refuses an absent one (the
 *   generator marks every body required, so `PATCH …/complete`, which toggles without one,
 *   looked as if it needed `{completed}`);
 * - the headers a response declares (`headers` beside `content` in a route's response schema:
 *   Location, WWW-Authenticate, Retry-After), which the zod transform drops;
 * - component schemas no operation refers to are left out (the zod transform emits an input
 *   and an output variant of every named schema, used or not).
 */

export interface OpenApiHeader {
  description: string
  required: boolean
  schema: Record<string, unknown>
}

export type OpenApiHeaders = Record<string, OpenApiHeader>

/** A route as the generator saw it: its method(s), URL and (zod) schema. */
export interface DocumentedRoute {
  method: string | string[]
  url: string
  schema?: { body?: unknown; response?: unknown }
}

interface Operation {
  requestBody?: { required?: boolean }
  responses?: Record<string, unknown>
}

interface Document {
  paths?: Record<string, Record<string, Operation | undefined> | undefined>
  components?: { schemas?: Record<string, unknown> }
}

const SCHEMA_REF = '#/components/schemas/'

/** Fastify's `/api/:user_id/tasks` as an OpenAPI path template, `/api/{user_id}/tasks`. */
export function openApiPath(url: string): string {
  return url.replace(/:(\w+)/g, '{$1}')
}

function bodyIsOptional(body: unknown): boolean {
  return body instanceof z.ZodType && body.safeParse(undefined).success
}

function headersOf(response: unknown): OpenApiHeaders | undefined {
  if (typeof response !== 'object' || response === null || !('headers' in response)) return
  return (response as { headers?: OpenApiHeaders }).headers
}

function collectRefs(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectRefs(item, into)
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string' && item.startsWith(SCHEMA_REF)) {
        into.add(item.slice(SCHEMA_REF.length))
      } else {
        collectRefs(item, into)
      }
    }
  }
}

/** Drops the component schemas that nothing in `paths` refers to, directly or through others. */
function pruneSchemas(document: Document): void {
  const schemas = document.components?.schemas
  if (!schemas) return
  const used = new Set<string>()
  collectRefs(document.paths, used)
  for (let grew = true; grew;) {
    const size = used.size
    for (const name of [...used]) collectRefs(schemas[name], used)
    grew = used.size > size
  }
  for (const name of Object.keys(schemas)) if (!used.has(name)) delete schemas[name]
}

export function finishDocument<D extends object>(generated: D, routes: DocumentedRoute[]): D {
  const document = generated as Document
  for (const route of routes) {
    const pathItem = document.paths?.[openApiPath(route.url)]
    for (const method of [route.method].flat()) {
      const operation = pathItem?.[method.toLowerCase()]
      if (!operation) continue
      if (operation.requestBody) {
        operation.requestBody.required = !bodyIsOptional(route.schema?.body)
      }
      const responses = (route.schema?.response ?? {}) as Record<string, unknown>
      for (const [status, response] of Object.entries(responses)) {
        const headers = headersOf(response)
        const documented = operation.responses?.[status] as { headers?: OpenApiHeaders }
        if (headers && documented) documented.headers = headers
      }
    }
  }
  pruneSchemas(document)
  return generated
}
