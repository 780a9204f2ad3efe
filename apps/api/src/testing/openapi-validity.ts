import { Validator } from '@seriousme/openapi-schema-validator'

/**
 * What is wrong with `document` as an OpenAPI 3.1 document, by a validator of its own (the
 * specification's JSON Schema): nothing when it is valid. For tests of the api's and the web
 * app's documents.
 */
export async function openApiDocumentErrors(document: Record<string, unknown>): Promise<unknown[]> {
  const result = await new Validator().validate(structuredClone(document))
  if (result.valid) return []
  return Array.isArray(result.errors) ? result.errors : [result.errors ?? 'not valid']
}
