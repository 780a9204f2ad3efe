import type { FastifySerializerCompiler } from 'fastify'
import fastJson, { type Schema } from 'fast-json-stringify'
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod'
import { z } from 'zod'

/**
 * How a route's response is written (docs/decisions/0303-response-serialization.md). The zod
 * response schema of each route is turned once, at start-up, into a JSON Schema, and
 * fast-json-stringify compiles that into a function that writes exactly the properties the
 * schema names: the schema stays the output filter (a field it does not name never leaves the
 * api), without parsing every outgoing task with zod again (the repository already builds them
 * typed). A schema JSON Schema cannot express falls back to zod's own serializer.
 */

type ZodSerializerSchema = Parameters<typeof zodSerializerCompiler>[0]['schema']

function zodSchemaOf(schema: ZodSerializerSchema): z.ZodType | null {
  if (schema instanceof z.ZodType) return schema
  if ('properties' in schema && schema.properties instanceof z.ZodType) return schema.properties
  return null
}

/** The JSON Schema that fast-json-stringify compiles, or null when zod cannot express it. */
export function responseJsonSchema(schema: z.ZodType): Schema | null {
  try {
    return z.toJSONSchema(schema, {
      io: 'output',
      target: 'draft-7',
      unrepresentable: 'throw',
    }) as Schema
  } catch {
    return null
  }
}

export const responseSerializerCompiler: FastifySerializerCompiler<ZodSerializerSchema> = (
  route,
) => {
  const zodSchema = zodSchemaOf(route.schema)
  const jsonSchema = zodSchema ? responseJsonSchema(zodSchema) : null
  if (!jsonSchema) return zodSerializerCompiler(route)
  return fastJson(jsonSchema)
}
