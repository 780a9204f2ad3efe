import type { JsonSchema, RefResolver } from './fuzz-schema'

/**
 * The routes the api fuzz drives (routes/fuzz.test.ts), read from the app's OpenAPI document:
 * each method and path, with the schemas of its path parameters, query and body.
 */

export interface Operation {
  method: string
  /** As the document writes it, `{name}` for each path parameter. */
  path: string
  params: Record<string, JsonSchema>
  query: Record<string, JsonSchema>
  body?: JsonSchema
}

interface OpenApiOperation {
  parameters?: { in: string; name: string; schema: JsonSchema }[]
  requestBody?: { content: Record<string, { schema: JsonSchema }> }
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>
  components?: { schemas?: Record<string, JsonSchema> }
}

/** Finds `#/components/schemas/…` in the document. */
export function resolverOf(document: OpenApiDocument): RefResolver {
  return (ref) => {
    const found = document.components?.schemas?.[ref.replace('#/components/schemas/', '')]
    if (!found) throw new Error(`the document has no schema ${ref}`)
    return found
  }
}

/** Every operation of the document, and those of `hidden` that it leaves out. */
export function operationsOf(document: OpenApiDocument, hidden: Operation[] = []): Operation[] {
  const documented = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]): Operation => {
      const parameters = (where: string) =>
        Object.fromEntries(
          (operation.parameters ?? [])
            .filter((parameter) => parameter.in === where)
            .map((parameter) => [parameter.name, parameter.schema]),
        )
      return {
        method: method.toUpperCase(),
        path,
        params: parameters('path'),
        query: parameters('query'),
        body: operation.requestBody?.content['application/json']?.schema,
      }
    }),
  )
  const undocumented = hidden.filter(
    ({ method, path }) => !document.paths[path]?.[method.toLowerCase()],
  )
  return [...documented, ...undocumented]
}

/** Names of every property a schema declares, at any depth. */
export function declaredNames(
  schema: JsonSchema | undefined,
  resolve: RefResolver,
  seen = new Set<JsonSchema>(),
): string[] {
  if (!schema || seen.has(schema)) return []
  seen.add(schema)
  const parts = [
    ...(schema.$ref ? [resolve(schema.$ref)] : []),
    ...Object.values(schema.properties ?? {}),
    ...(schema.anyOf ?? []),
    ...(schema.oneOf ?? []),
    ...(schema.allOf ?? []),
    ...(schema.items ? [schema.items] : []),
  ]
  return [
    ...Object.keys(schema.properties ?? {}),
    ...parts.flatMap((part) => declaredNames(part, resolve, seen)),
  ]
}
