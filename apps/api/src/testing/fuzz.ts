import fc from 'fast-check'

/**
 * What the property-based fuzz sends (routes/fuzz.test.ts, and the web app's auth fuzz): values
 * generated from a route's JSON Schema (its OpenAPI document, or a contract's zod schema through
 * `z.toJSONSchema`), those values with one part replaced by something hostile, and bodies no
 * schema would produce at all.
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

/** Mostly ASCII, sometimes any grapheme, now and then a character that breaks things. */
const textUnit = fc.oneof(
  { weight: 30, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 6, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('\u0000', '\uD800', '\uDFFF', '\u200B', '\u202E', '\uFEFF', 'а'),
  },
)

export function text(constraints: { minLength?: number; maxLength?: number } = {}) {
  return fc.string({ unit: textUnit, ...constraints })
}

/** Long enough to pass a field's limit but not the 16 KiB body limit, and long enough for both. */
const LONG_TEXT = ['x'.repeat(201), 'x'.repeat(2_001), 'é'.repeat(8_000), 'x'.repeat(17_000)]

/** Deeply nested arrays as JSON text (built as text: JSON.stringify would recurse). */
function nestedJson(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth)
}

/** Strings that have broken servers: control characters, lone surrogates, look-alikes, odd dates and numbers. */
export const HOSTILE_STRINGS: readonly string[] = [
  ...['', ' ', '\t\r\n', '\u0000', 'a\u0000b', '\u0007\u001b[31m\u007f', '\uD800', 'x\uDFFFy'],
  ...['\uFEFFtitle', '\u202Egnp.exe', '\u200B', 'Tаsk', 'ᴛᴀꜱᴋ', 'ＴＡＳＫ', 'e\u0301', '🧑🏽‍🚀', 'İı'],
  ...['%00', '%zz', '../..', '\\', "'; drop table task; --", '${x}', '<img src=x onerror=1>'],
  ...['null', 'undefined', 'true', 'NaN', 'Infinity', '-0', '1e308', '0x10', '9007199254740993'],
  ...['0000-01-01', '0000-02-29', '0001-01-01', '9999-12-31', '10000-01-01', '-0001-01-01'],
  ...['2024-02-30', '2024-13-01', '2023-02-29', '2024-02-29', '2024-1-1', '1970-01-01T00:00:00Z'],
  ...[
    '0000-01-01T00:00:00Z',
    '9999-12-31T23:59:60Z',
    '+275760-09-13T00:00:00Z',
    '2024-01-01T24:00',
  ],
  ...['HIGH', ' high', 'completed ', '--created', 'all,pending'],
  ...LONG_TEXT,
]

const HOSTILE_NUMBERS: readonly number[] = [
  ...[0, -0, 1, -1, 0.5, 1e308, -1e308, 5e-324, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2],
  Number.MAX_SAFE_INTEGER,
]

/** Any JSON value that no schema asked for. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], { '': 1 }) },
  { weight: 2, arbitrary: text() },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
)

/** Request bodies that are not what `JSON.stringify` writes, sent as application/json anyway. */
const HOSTILE_RAW_BODIES: readonly string[] = [
  ...['', ' ', 'null', 'true', '0', '"x"', '[]', '{', '}', '{"title":', "{'title':'x'}"],
  ...['{"title":"x",}', '{"title":"x"}{"title":"y"}', '{"title":"x"} trailing', 'NaN'],
  ...['\uFEFF{"title":"x"}', '{"title":"x","title":"y"}', '{"title":NaN}', '\u0000'],
  ...['{"title":"x","completed":1e999}', '{"title":"\\u0000"}', '{"title":"\\ud800"}'],
  ...['{"__proto__":{"admin":true},"title":"x"}', '{"constructor":{"prototype":{}},"title":"x"}'],
  ...['{"version":1,"tasks":{"length":1e9}}', '{"version":1e999,"tasks":[]}'],
  nestedJson(8_000),
  `{"title":"x","description":${nestedJson(5_000)}}`,
  `{"version":1,"tasks":[${nestedJson(3_000)}]}`,
  'x'.repeat(20_000),
]

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

type Segment = string | number

/** Every place in a JSON value (the value itself, and each property and element, depth first). */
function pathsIn(value: unknown, prefix: Segment[] = [], depth = 0): Segment[][] {
  const here = [prefix]
  if (depth > 4 || typeof value !== 'object' || value === null) return here
  const entries: [Segment, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.entries(value)
  return here.concat(entries.flatMap(([key, item]) => pathsIn(item, [...prefix, key], depth + 1)))
}

function withValueAt(value: unknown, path: Segment[], replacement: unknown): unknown {
  const [head, ...rest] = path
  if (head === undefined) return replacement
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    Segment,
    unknown
  >
  copy[head] = withValueAt(copy[head], rest, replacement)
  return copy
}

/**
 * `valid` with one part (a property, an element, or the whole) replaced by a hostile value, or
 * given a property that no schema names.
 */
function oneHostilePart(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(valid, fc.nat(), hostileValue, fc.boolean(), fc.constantFrom('userId', 'admin', '', 'x'))
    .map(([value, pick, hostile, addField, name]) => {
      const paths = pathsIn(value)
      const path = paths[pick % paths.length] ?? []
      const target = path.reduce<unknown>(
        (node, key) => (node as Record<Segment, unknown>)[key],
        value,
      )
      if (addField && typeof target === 'object' && target !== null && !Array.isArray(target)) {
        return withValueAt(value, [...path, name], hostile)
      }
      return withValueAt(value, path, hostile)
    })
}

/** `value` with `change` applied to every string in it, at any depth. */
function everyString(value: unknown, change: (text: string) => string): unknown {
  if (typeof value === 'string') return change(value)
  if (Array.isArray(value)) return value.map((item) => everyString(item, change))
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, everyString(item, change)]),
  )
}

/** Characters that break things; NUL, which PostgreSQL text cannot hold, most often. */
const breaking = fc.oneof(
  { weight: 3, arbitrary: fc.constant('\u0000') },
  fc.constantFrom('\uD800', '\u202E', '\u0007', '\uFEFF'),
)

/** `valid` with a character that breaks things put into every string at once. */
function everyStringHostile(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(valid, breaking, fc.boolean())
    .map(([value, character, before]) =>
      everyString(value, (text) => (before ? character + text : text + character)),
    )
}

const asJson = (value: unknown): string => JSON.stringify(value) ?? ''

/** Request bodies (as sent) that fit `schema`, as far as JSON Schema can tell. */
export function validBodies(schema: JsonSchema, resolve: RefResolver): fc.Arbitrary<string> {
  return fromSchema(schema, resolve).map(asJson)
}

/** Request bodies (as sent) for `schema`: valid, with a hostile part, any JSON, not JSON. */
export function bodies(schema: JsonSchema, resolve: RefResolver): fc.Arbitrary<string> {
  return bodiesFrom(fromSchema(schema, resolve))
}

/** Request bodies (as sent) around `valid` ones: as they are, with a hostile part, any JSON, not JSON. */
export function bodiesFrom(valid: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: valid.map(asJson) },
    { weight: 6, arbitrary: oneHostilePart(valid).map(asJson) },
    { weight: 2, arbitrary: everyStringHostile(valid).map(asJson) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map(asJson) },
    { weight: 2, arbitrary: fc.oneof(fc.constantFrom(...HOSTILE_RAW_BODIES), text()) },
  )
}

/** A path segment or query value, percent-encoded (a lone surrogate gets `%uD800`, itself hostile). */
export function percentEncoded(value: string): string {
  return value
    .split(LONE_SURROGATE)
    .map((part, index) =>
      index % 2 === 1 ? `%u${part.charCodeAt(0).toString(16)}` : encodeURIComponent(part),
    )
    .join('')
}

const LONE_SURROGATE = /([\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF])/

/** Path segments that are not an id: dot segments, bad percent-encoding, very long, look-alikes. */
export const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', '.', '..', '%2e%2e', '%2F', '%00', '%zz', '%', '%E2%80%AE', '*', ';x'),
  fc.constantFrom('x'.repeat(101), 'x'.repeat(3_000), '00000000-0000-0000-0000-000000000000'),
  fc.constantFrom('FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF', '0000000０-0000-0000-0000-000000000000'),
  fc.constantFrom(...HOSTILE_STRINGS).map(percentEncoded),
  text().map(percentEncoded),
  fc.uuid().map((id) => `${id}%00`),
)
