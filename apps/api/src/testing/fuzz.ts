import fc from 'fast-check'
import { hostileValue, HOSTILE_RAW_BODIES, text } from './fuzz-hostile'
import { fromSchema, type JsonSchema, type RefResolver } from './fuzz-schema'

/**
 * The request bodies the property-based fuzz sends (routes/fuzz.test.ts, and the web app's auth
 * fuzz): values generated from a route's JSON Schema (fuzz-schema.ts), those values with one part
 * replaced by something hostile (fuzz-hostile.ts), and bodies no schema would produce at all.
 */

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
