import { JWT_COOKIE_NAME } from '@taskwise/contracts/auth'
import { problemSchema, type Problem } from '@taskwise/contracts/problem'
import { connect } from 'node:net'
import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import type { LightMyRequestResponse } from 'fastify'
import { afterAll, expect, test } from 'vitest'
import { BODY_LIMIT_BYTES } from '../app'
import {
  bodies,
  fromSchema,
  HOSTILE_STRINGS,
  hostileSegment,
  hostileValue,
  percentEncoded,
  validBodies,
  type JsonSchema,
} from '../testing/fuzz'
import { createTestApi, TEST_ORIGIN } from '../testing/harness'

/**
 * No request of any shape gets a 5xx (issue 12). Every route of the OpenAPI document, and the
 * routes it hides, is driven with requests generated from its own schemas plus hostile values:
 * path segments, query parameters (repeated too), bodies, content types, credentials and odd
 * headers. Each answer must be below 500; a 4xx must be problem+json; a 400 must name what is
 * wrong (see `expectNamesTheField`); and a refused write must have written nothing.
 *
 * `npm test` runs FUZZ_RUNS (default 40) requests per route, with a fresh random seed each time
 * (fast-check prints the seed and path of a failure; FUZZ_SEED replays it). `npm run fuzz` runs
 * many more.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 40)
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED)

const api = await createTestApi()
const alice = await api.createUser()
const bob = await api.createUser()
afterAll(async () => {
  await api.close()
})

// Tasks to aim {task_id} at: Alice's, and one of Bob's (which must look exactly like none).
const createdFor = (userId: string) =>
  api.app.tasksRepository.create(userId, {
    title: 'Fuzz target',
    description: '',
    priority: 'medium',
    category: null,
    dueDate: null,
    completed: false,
  })
const aliceTasks = await Promise.all([1, 2, 3, 4].map(() => createdFor(alice.id)))
const taskIds = aliceTasks.map((task) => task.id)
const bobsTaskId = (await createdFor(bob.id)).id

interface Operation {
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

const document = api.app.swagger() as {
  paths: Record<string, Record<string, OpenApiOperation>>
  components?: { schemas?: Record<string, JsonSchema> }
}

const resolve = (ref: string): JsonSchema => {
  const name = ref.replace('#/components/schemas/', '')
  const found = document.components?.schemas?.[name]
  if (!found) throw new Error(`the document has no schema ${ref}`)
  return found
}

const documented: Operation[] = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => {
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

// Served but left out of the document: the document itself and its browsable pages.
const hidden: Operation[] = [
  { method: 'GET', path: '/openapi.json', params: {}, query: {} },
  {
    method: 'GET',
    path: '/docs/{page}',
    params: { page: { enum: ['', 'static/index.html', 'json', 'yaml', 'static/%2e%2e/x'] } },
    query: {},
  },
]

const operations = [
  ...documented,
  ...hidden.filter(({ method, path }) => !document.paths[path]?.[method.toLowerCase()]),
]

const ownId = fc.oneof(
  { weight: 12, arbitrary: fc.constant(alice.id) },
  { weight: 1, arbitrary: fc.constant(alice.id.toUpperCase()) },
)
const aTaskId = fc.oneof(
  { weight: 8, arbitrary: fc.nat().map((index) => taskIds[index % taskIds.length] ?? '') },
  { weight: 1, arbitrary: fc.constant(bobsTaskId) },
  { weight: 1, arbitrary: fc.uuid() },
)

function segment(name: string, schema: JsonSchema, valid: boolean): fc.Arbitrary<string> {
  const good =
    name === 'user_id'
      ? ownId
      : name === 'task_id'
        ? aTaskId
        : fromSchema(schema, resolve).map((value) => String(value))
  if (valid) return good
  const others = name === 'user_id' ? fc.constantFrom(bob.id, alice.id.slice(0, -1)) : good
  return fc.oneof({ weight: 4, arbitrary: good }, others, hostileSegment)
}

type Pair = [string, string]

function queryPairs(query: Record<string, JsonSchema>, valid: boolean): fc.Arbitrary<Pair[]> {
  const perParameter = Object.entries(query).map(([name, schema]) => {
    const good = fromSchema(schema, resolve).map((value): Pair[] => [[name, String(value)]])
    const value = valid
      ? good
      : fc.oneof(
          { weight: 4, arbitrary: good },
          fc.constantFrom(...HOSTILE_STRINGS).map((text): Pair[] => [[name, text]]),
          // Repeated: ?status=pending&status=x
          fc
            .tuple(good, hostileValue)
            .map(([first, second]): Pair[] => [...first, [name, String(second)]]),
        )
    return fc.option(value, { nil: [], freq: 2 })
  })
  const extra = valid
    ? fc.constant([])
    : fc.array(
        fc.tuple(
          fc.constantFrom('userId', 'user_id', 'limit[]', '__proto__', 'constructor', ''),
          fc.constantFrom(...HOSTILE_STRINGS),
        ),
        { maxLength: 2 },
      )
  return fc
    .tuple(fc.tuple(...perParameter), extra)
    .map(([pairs, more]) => [...pairs.flat(), ...more])
}

const credentials = (valid: boolean): fc.Arbitrary<Record<string, string>> => {
  const bearer = { authorization: `Bearer ${alice.token}` }
  if (valid) return fc.constant(bearer)
  return fc.oneof(
    { weight: 10, arbitrary: fc.constant(bearer) },
    fc.constantFrom<Record<string, string>>(
      {},
      { authorization: 'Bearer' },
      { authorization: 'Basic YTpi' },
      { authorization: `Bearer ${'a'.repeat(8_000)}` },
      { authorization: 'Bearer a.b.c' },
      { authorization: `bearer   ${alice.token}  ` },
      { authorization: `Bearer ${bob.token}` },
    ),
    fc.record({
      cookie: fc.constantFrom(`${JWT_COOKIE_NAME}=${alice.token}`, `${JWT_COOKIE_NAME}=%zz`),
      origin: fc.constantFrom(TEST_ORIGIN, 'http://evil.test', 'null', ''),
      'sec-fetch-site': fc.constantFrom('same-origin', 'cross-site', 'none'),
    }),
  )
}

const CONTENT_TYPES = [
  ...['application/json; charset=utf-8', 'application/json; charset=UTF-16', 'Application/JSON'],
  ...['application/json; charset=latin1', 'application/json;', 'application/json ; x="y"'],
  ...['application/problem+json', 'application/jsonx', 'text/json', 'text/plain', ''],
  ...['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '*/*'],
  'application/json, text/plain',
]

const ODD_HEADERS: Record<string, string>[] = [
  { 'x-filler': 'x'.repeat(8_000) },
  { 'x-request-id': '../../etc/passwd' },
  { 'x-request-id': 'x'.repeat(500) },
  { accept: 'application/xml' },
  { 'accept-encoding': 'gzip, br, zstd' },
  { 'x-forwarded-for': '::1, 999.1.1.1, ' + 'x'.repeat(1000) },
  { 'content-length': '1' },
  { 'if-none-match': '*' },
  { 'sec-fetch-site': 'cross-site', origin: 'http://evil.test' },
]

interface Sent {
  method: string
  url: string
  headers: Record<string, string | string[]>
  body?: string
}

function requests(operation: Operation): fc.Arbitrary<Sent> {
  return fc.boolean().chain((valid) => {
    const params = Object.entries(operation.params).map(([name, schema]) =>
      segment(name, schema, valid).map((value): Pair => [name, value]),
    )
    const body = operation.body
      ? valid
        ? validBodies(operation.body, resolve)
        : bodies(operation.body, resolve)
      : fc.constant(undefined)
    const contentType = valid
      ? fc.constant<string | string[] | undefined>('application/json')
      : fc.oneof(
          { weight: 8, arbitrary: fc.constant<string | string[] | undefined>('application/json') },
          fc.constantFrom<string | string[] | undefined>(...CONTENT_TYPES, undefined, [
            'application/json',
            'text/plain',
          ]),
        )
    return fc
      .record({
        params: fc.tuple(...params),
        query: queryPairs(operation.query, valid),
        body,
        contentType,
        credentials: credentials(valid),
        odd: valid ? fc.constant({}) : fc.option(fc.constantFrom(...ODD_HEADERS), { nil: {} }),
      })
      .map((parts) => {
        let path = operation.path
        for (const [name, value] of parts.params) path = path.replace(`{${name}}`, value)
        const query = parts.query
          .map(([name, value]) => `${percentEncoded(name)}=${percentEncoded(value)}`)
          .join('&')
        const headers: Sent['headers'] = { ...parts.odd, ...parts.credentials }
        if (parts.body !== undefined && parts.contentType !== undefined)
          headers['content-type'] = parts.contentType
        return {
          method: operation.method,
          url: query ? `${path}?${query}` : path,
          headers,
          ...(parts.body === undefined ? {} : { body: parts.body }),
        }
      })
  })
}

/** Every row of a user's tasks, as one string: any write changes it. */
async function tasksDigest(userId: string): Promise<string> {
  const result = await api.db.execute<{ digest: string }>(
    sql`select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t.id)), '') as digest
        from task t where t.user_id = ${userId}`,
  )
  return result.rows[0]?.digest ?? ''
}

/** The body as the api's parser reads it (which skips a byte order mark), or undefined. */
function parsedBody(raw: string | undefined): { value: unknown } | undefined {
  try {
    return raw === undefined ? undefined : { value: JSON.parse(raw.replace(/^\uFEFF/, '')) }
  } catch {
    return undefined
  }
}

/** Dotted paths of everything in a JSON value ('' for the value itself), to a depth of 10. */
function dottedPaths(value: unknown, prefix = '', depth = 0): string[] {
  if (typeof value !== 'object' || value === null || depth === 10) return [prefix]
  const children = Object.entries(value).flatMap(([key, item]) =>
    dottedPaths(item, prefix === '' ? key : `${prefix}.${key}`, depth + 1),
  )
  return [prefix, ...children]
}

/** Names of every property a schema declares, at any depth. */
function declaredNames(schema: JsonSchema | undefined, seen = new Set<JsonSchema>()): string[] {
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
    ...parts.flatMap((part) => declaredNames(part, seen)),
  ]
}

/**
 * What "a 400 names the field" means:
 *
 * - `validation_failed` lists `errors`, each with its `location`. A `params` or `query` error's
 *   `path` is a parameter the route declares. A `body` error's `path` is the dotted path of a
 *   value the request sent (an invalid or unknown field, `tasks.3.title`), or of a field the
 *   schema declares under a value that was sent (a missing field). It is empty only for a rule
 *   about the body as a whole: the body is not a JSON object, or an object-wide rule (`custom`,
 *   e.g. "give at least one field") failed.
 * - `malformed_json` names no field because there is none: the body is not JSON (or holds a
 *   `__proto__` or `constructor` key, which the parser refuses).
 * - `invalid_cursor` names `cursor` in `errors`.
 * - `bad_request` is the router's or the body reader's: a URL with broken percent-encoding, a
 *   path segment longer than any id, or a Content-Length that is not the body's. There is no
 *   field to name.
 */
function expectNamesTheField(problem: Problem, sent: Sent, operation: Operation) {
  const context = `${problem.code}: ${problem.detail}`
  switch (problem.code) {
    case 'validation_failed': {
      expect(problem.errors?.length, context).toBeGreaterThan(0)
      const body = parsedBody(sent.body)?.value
      const sentPaths = new Set(dottedPaths(body))
      const declared = new Set(declaredNames(operation.body))
      for (const error of problem.errors ?? []) {
        if (error.location === 'params') expect(Object.keys(operation.params)).toContain(error.path)
        else if (error.location === 'query')
          expect(Object.keys(operation.query)).toContain(error.path.split('.')[0])
        else if (error.path === '') {
          const wholeBody = typeof body !== 'object' || body === null || Array.isArray(body)
          const unknownEmptyKey = error.code === 'unknown_field'
          expect(wholeBody || error.code === 'custom' || unknownEmptyKey, context).toBe(true)
        } else {
          const parent = error.path.includes('.')
            ? error.path.slice(0, error.path.lastIndexOf('.'))
            : ''
          const last = error.path.slice(error.path.lastIndexOf('.') + 1)
          const named = sentPaths.has(error.path) || (sentPaths.has(parent) && declared.has(last))
          expect(named, `${context} (path ${error.path})`).toBe(true)
        }
      }
      break
    }
    case 'malformed_json':
      expect(!parsedBody(sent.body) || /__proto__|constructor/.test(sent.body ?? '')).toBe(true)
      break
    case 'invalid_cursor':
      expect(problem.errors).toMatchObject([{ location: 'query', path: 'cursor' }])
      break
    case 'bad_request':
      expect(
        /%|[^/?]{101}|content-length/i.test(`${sent.url} ${Object.keys(sent.headers).join(' ')}`),
        context,
      ).toBe(true)
      break
    default:
      throw new Error(`a 400 with an unexpected code: ${context}`)
  }
}

function expectWellFormedAnswer(
  response: LightMyRequestResponse,
  sent: Sent,
  operation: Operation,
) {
  expect(response.statusCode, response.body.slice(0, 300)).toBeLessThan(500)
  expect(response.headers['x-request-id']).toBeTruthy()
  if (response.statusCode < 400) return
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/)
  if (sent.method === 'HEAD') return
  const problem = problemSchema.parse(response.json())
  expect(problem.status).toBe(response.statusCode)
  if (response.statusCode === 400) expectNamesTheField(problem, sent, operation)
  if (response.statusCode === 401) expect(response.headers['www-authenticate']).toBeTruthy()
  if (response.statusCode === 413)
    expect(Buffer.byteLength(sent.body ?? '')).toBeGreaterThan(BODY_LIMIT_BYTES)
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

test.for(
  operations.map((operation) => [`${operation.method} ${operation.path}`, operation] as const),
)(
  '%s: no answer is a 5xx, every 4xx is a problem naming the field, a refused write writes nothing',
  { timeout: Math.max(60_000, RUNS * 400) },
  async ([, operation]) => {
    const bobsBefore = await tasksDigest(bob.id)
    const statuses = new Map<number, number>()
    await fc.assert(
      fc.asyncProperty(requests(operation), async (sent) => {
        const write = WRITES.has(sent.method)
        const before = write ? await tasksDigest(alice.id) : ''
        const response = await api.app.inject({
          method: sent.method as 'GET',
          url: sent.url,
          headers: sent.headers,
          ...(sent.body === undefined ? {} : { body: sent.body }),
        })
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1)
        expectWellFormedAnswer(response, sent, operation)
        if (write && response.statusCode >= 400) expect(await tasksDigest(alice.id)).toBe(before)
        if (sent.method === 'DELETE' && response.statusCode === 204) {
          // Keep something to aim at.
          const deleted = taskIds.findIndex((id) => sent.url.includes(id))
          if (deleted !== -1) taskIds[deleted] = (await createdFor(alice.id)).id
        }
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    )
    expect(await tasksDigest(bob.id), "Bob's tasks changed").toBe(bobsBefore)
    // Some of the valid half must get through, or the fuzz only tests refusals (in 40 runs, at
    // least 9 of any route's requests have always succeeded; fewer runs may all be refused).
    const succeeded = [...statuses]
      .filter(([status]) => status < 300)
      .reduce((n, [, c]) => n + c, 0)
    if (RUNS >= 40) {
      expect(succeeded, JSON.stringify(Object.fromEntries(statuses))).toBeGreaterThan(0)
    }
  },
)

/** What a raw HTTP request over a real socket is answered with. */
function sendRaw(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(request))
    let answer = ''
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')))
    socket.on('close', () => resolve(answer))
    socket.on('error', reject)
  })
}

test('requests the HTTP parser refuses before any route sees them are answered as problems too', async () => {
  await api.app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = api.app.server.address() as { port: number }
  const cases = [
    {
      status: 431,
      request: `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    },
    { status: 400, request: 'GET /health HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0001b\r\n\r\n' },
    {
      status: 400,
      request: 'GET /health HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n',
    },
    { status: 400, request: 'GET /he alth HTTP/1.1\r\nHost: x\r\n\r\n' },
  ]
  for (const { status, request } of cases) {
    const answer = await sendRaw(port, request)
    const [head = '', body = ''] = answer.split('\r\n\r\n')
    expect(head).toMatch(new RegExp(`^HTTP/1.1 ${status} `))
    expect(head).toMatch(/content-type: application\/problem\+json/i)
    expect(problemSchema.parse(JSON.parse(body))).toMatchObject({ status, code: 'bad_request' })
  }
})
