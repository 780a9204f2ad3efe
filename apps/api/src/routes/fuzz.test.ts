import { connect } from 'node:net'
import { JWT_COOKIE_NAME } from '@taskwise/contracts/auth'
import { problemSchema } from '@taskwise/contracts/problem'
import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, expect, test } from 'vitest'
import { bodies, validBodies } from '../testing/fuzz'
import {
  HOSTILE_STRINGS,
  hostileSegment,
  hostileValue,
  percentEncoded,
} from '../testing/fuzz-hostile'
import { fromSchema, type JsonSchema } from '../testing/fuzz-schema'
import { expectWellFormedAnswer, type Sent } from '../testing/fuzz-answers'
import {
  operationsOf,
  resolverOf,
  type OpenApiDocument,
  type Operation,
} from '../testing/fuzz-operations'
import { createTestApi, TEST_ORIGIN } from '../testing/harness'

/**
 * No request of any shape gets a 5xx (issue 12). Every route of the OpenAPI document, and the
 * routes it hides, is driven with requests generated from its own schemas plus hostile values:
 * path segments, query parameters (repeated too), bodies, content types, credentials and odd
 * headers. Each answer must be below 500; a 4xx must be problem+json; a 400 must name what is
 * wrong (testing/fuzz-answers.ts); and a refused write must have written nothing.
 *
 * `npm test` runs FUZZ_RUNS (default 400, about 20 s) requests per route, with a fresh random seed each time
 * (fast-check prints the seed and path of a failure; FUZZ_SEED replays it). `npm run fuzz` runs
 * many more.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 400)
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED)

const api = await createTestApi()
const alice = await api.createUser()
const bob = await api.createUser()
// Another person's valid token, aimed at Alice's and Bob's paths. Not Bob's own: with Bob's id in
// the path it would be a request Bob may make, and his tasks could rightly change.
const carol = await api.createUser()
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

const document = api.app.swagger() as OpenApiDocument
const resolve = resolverOf(document)

// Served but left out of the document: the document itself and its browsable pages.
const operations = operationsOf(document, [
  { method: 'GET', path: '/openapi.json', params: {}, query: {} },
  {
    method: 'GET',
    path: '/docs/{page}',
    params: { page: { enum: ['', 'static/index.html', 'json', 'yaml', 'static/%2e%2e/x'] } },
    query: {},
  },
])

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
      { authorization: `Bearer ${carol.token}` },
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
        expectWellFormedAnswer(response, sent, operation, resolve)
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

test('a route that does not exist is a 404 whatever the request carries; its body is not read', async () => {
  for (const [headers, body] of [
    [{ 'content-type': 'application/json' }, '{"not json'],
    [{ 'content-type': 'application/json' }, 'x'.repeat(20_000)],
    [{ 'content-type': 'text/plain' }, 'hello'],
    [{ 'content-type': 'application/json', 'content-length': '1' }, '{}'],
  ] as const) {
    const response = await api.app.inject({ method: 'POST', url: '/nothing/here', headers, body })
    expect(response.statusCode).toBe(404)
    expect(response.json()).toMatchObject({ code: 'not_found' })
  }
})
