import fc from 'fast-check'

/**
 * Hostile input for the property-based fuzz (see fuzz.ts): text that is mostly ASCII but not
 * always, strings and numbers that have broken servers, bodies that are not JSON, and path
 * segments that are not an id.
 */

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
export const HOSTILE_RAW_BODIES: readonly string[] = [
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
