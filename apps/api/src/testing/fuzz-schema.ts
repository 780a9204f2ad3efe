import fc from 'fast-check'
import { text } from './fuzz-hostile'

/**
 * Values generated from a JSON Schema (a route's, from its OpenAPI document, or a contract's zod
 * schema through `z.toJSONSchema`), for the property-based fuzz (see fuzz.ts).
 */

export interface JsonSchema {
  $ref?: string
  type?: string | string[]
  enum?: unknown[]
  const?: unknown
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  minItems?: number
  maxItems?: number
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  pattern?: string
  format?: string
}

/** Finds the schema a `$ref` points at (in an OpenAPI document: `#/components/schemas/…`). */
export type RefResolver = (ref: string) => JsonSchema

/** Values that fit `schema`, as far as JSON Schema can say (zod rules like trim are not in it). */
export function fromSchema(schema: JsonSchema, resolve: RefResolver): fc.Arbitrary<unknown> {
  if (schema.$ref) return fromSchema(resolve(schema.$ref), resolve)
  if (schema.const !== undefined) return fc.constant(schema.const)
  if (schema.enum) return fc.constantFrom(...schema.enum)
  const choices = schema.anyOf ?? schema.oneOf
  if (choices) return fc.oneof(...choices.map((choice) => fromSchema(choice, resolve)))
  if (schema.allOf) {
    const [first, ...rest] = schema.allOf.map((part) => ({ ...schema, allOf: undefined, ...part }))
    const patterns = rest.flatMap((part) => (part.pattern ? [new RegExp(part.pattern)] : []))
    return fromSchema(first ?? {}, resolve).filter(
      (value) => typeof value !== 'string' || patterns.every((pattern) => pattern.test(value)),
    )
  }
  if (Array.isArray(schema.type)) {
    return fc.oneof(...schema.type.map((type) => fromSchema({ ...schema, type }, resolve)))
  }
  switch (schema.type) {
    case 'null':
      return fc.constant(null)
    case 'boolean':
      return fc.boolean()
    case 'integer':
      return fc.integer({
        min: Math.max(schema.minimum ?? -(2 ** 31), Number.MIN_SAFE_INTEGER),
        max: Math.min(schema.maximum ?? 2 ** 31, Number.MAX_SAFE_INTEGER),
      })
    case 'number':
      return fc.double({ min: schema.minimum, max: schema.maximum, noNaN: true })
    case 'string':
      return stringFromSchema(schema)
    case 'array':
      return fc.array(fromSchema(schema.items ?? {}, resolve), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      })
    case 'object': {
      const properties = schema.properties ?? {}
      const model = Object.fromEntries(
        Object.entries(properties).map(([name, part]) => [name, fromSchema(part, resolve)]),
      )
      return fc.record(model, { requiredKeys: schema.required ?? [] })
    }
    default:
      return fc.jsonValue({ maxDepth: 2 })
  }
}

function stringFromSchema(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.uuid()
  const pattern = schema.pattern === undefined ? undefined : new RegExp(schema.pattern)
  const bounded = schema.minLength !== undefined || schema.maxLength !== undefined
  if (pattern && !bounded) return fc.stringMatching(pattern)
  return text({ minLength: schema.minLength, maxLength: schema.maxLength }).filter(
    (value) => !pattern || pattern.test(value),
  )
}
