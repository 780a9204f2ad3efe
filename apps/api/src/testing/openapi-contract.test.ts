import { describe, expect, test } from 'vitest'
import { createContract, type ObservedAnswer } from './openapi-contract'

const problem = {
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
}

const document = {
  openapi: '3.1.0',
  info: { title: 'a small api', version: '1' },
  paths: {
    '/things': {
      post: {
        responses: {
          '201': {
            description: 'Created',
            headers: { Location: { required: true, schema: { type: 'string', pattern: '^/' } } },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
          '401': {
            description: 'No token',
            headers: { 'WWW-Authenticate': { required: true, schema: { type: 'string' } } },
            ...problem,
          },
        },
      },
    },
    '/things/{id}': {
      get: {
        responses: {
          '200': {
            description: 'One',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
          '404': { description: 'None', ...problem },
        },
      },
      delete: { responses: { '204': { description: 'Gone' } } },
    },
    '/things/count': {
      get: {
        responses: {
          '200': {
            description: 'How many',
            content: { 'text/plain': { schema: { type: 'string', pattern: '^[0-9]+$' } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' } },
        required: ['id', 'name'],
        additionalProperties: false,
      },
      Problem: {
        type: 'object',
        properties: { status: { type: 'integer' }, code: { type: 'string' } },
        required: ['status', 'code'],
      },
    },
  },
}

const ID = '3f0b7c55-5d3c-4b43-9a43-1c3f4b1d2e6a'
const json = { 'content-type': 'application/json; charset=utf-8' }
const problemJson = { 'content-type': 'application/problem+json; charset=utf-8' }

function answer(overrides: Partial<ObservedAnswer>): ObservedAnswer {
  return {
    method: 'GET',
    url: `/things/${ID}`,
    status: 200,
    headers: json,
    body: JSON.stringify({ id: ID, name: 'a' }),
    ...overrides,
  }
}

describe('the OpenAPI contract check', () => {
  const contract = createContract(document)

  test('an answer the document describes passes', () => {
    expect(contract.problemsWith(answer({}))).toEqual([])
    expect(
      contract.problemsWith(
        answer({ method: 'DELETE', status: 204, headers: {}, body: '', url: `/things/${ID}?x=1` }),
      ),
    ).toEqual([])
  })

  test('a status the operation does not document fails', () => {
    expect(contract.problemsWith(answer({ status: 500 }))).toEqual([
      expect.stringContaining('status 500 is not documented for GET /things/{id}'),
    ])
  })

  test('a body of the wrong shape fails, naming the field', () => {
    const problems = contract.problemsWith(answer({ body: JSON.stringify({ id: 'not-a-uuid' }) }))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toContain('/id must match format "uuid"')
    expect(problems[0]).toContain("must have required property 'name'")
    expect(
      contract.problemsWith(answer({ body: JSON.stringify({ id: ID, name: 'a', secret: 1 }) })),
    ).toEqual([expect.stringContaining('must NOT have additional properties')])
  })

  test('a content type the response does not list fails', () => {
    expect(contract.problemsWith(answer({ status: 404, headers: json, body: '{}' }))).toEqual([
      expect.stringContaining('Content-Type application/json is not documented'),
    ])
  })

  test('a body where none is documented, or none where one is, fails', () => {
    expect(
      contract.problemsWith(answer({ method: 'DELETE', status: 204, headers: json, body: '{}' })),
    ).toEqual([expect.stringContaining('describes no body for 204')])
    expect(contract.problemsWith(answer({ body: '' }))).toEqual([
      expect.stringContaining('has no body'),
    ])
  })

  test('a required header that is missing or malformed fails', () => {
    const created = { method: 'POST', url: '/things', status: 201 }
    expect(
      contract.problemsWith(
        answer({ ...created, headers: { ...json, location: `/things/${ID}` } }),
      ),
    ).toEqual([])
    expect(contract.problemsWith(answer({ ...created }))).toEqual([
      'the required header Location is missing',
    ])
    expect(
      contract.problemsWith(answer({ ...created, headers: { ...json, Location: 'elsewhere' } })),
    ).toEqual([expect.stringContaining('the header Location does not match')])
  })

  test('a concrete path is matched before a template, and non-JSON bodies are checked too', () => {
    const count = { url: '/things/count', headers: { 'content-type': 'text/plain' } }
    expect(contract.problemsWith(answer({ ...count, body: '12' }))).toEqual([])
    expect(contract.problemsWith(answer({ ...count, body: 'twelve' }))).toEqual([
      expect.stringContaining('the body does not match'),
    ])
  })

  test('a path or method the document does not name may only be a 404 problem', () => {
    const notFound = { status: 404, headers: problemJson, body: '{"status":404,"code":"nf"}' }
    expect(contract.problemsWith(answer({ url: '/things/', ...notFound }))).toEqual([])
    expect(contract.problemsWith(answer({ method: 'PATCH', ...notFound }))).toEqual([])
    expect(contract.problemsWith(answer({ url: '/things/' }))).toEqual([
      'GET /things/ is not in the document, yet it answered 200',
    ])
    expect(contract.problemsWith(answer({ url: '/elsewhere', status: 404, body: '' }))).toEqual([
      expect.stringContaining('must be application/problem+json'),
    ])
    // A method the path does not have may also be a 405, as Next answers it.
    expect(contract.problemsWith(answer({ method: 'PUT', status: 405, body: '' }))).toEqual([])
    const lenient = createContract(document, { undocumented: 'skip' })
    expect(lenient.problemsWith(answer({ url: '/elsewhere' }))).toEqual([])
    // … but a path the document claims is checked all the same.
    expect(lenient.problemsWith(answer({ method: 'PUT' }))).toEqual([
      expect.stringContaining(
        'PUT /things/3f0b7c55-5d3c-4b43-9a43-1c3f4b1d2e6a is not in the document, yet it answered 200',
      ),
    ])
    const ignoring = createContract(document, { ignore: (path) => path.startsWith('/docs') })
    expect(ignoring.problemsWith(answer({ url: '/docs/static/x.js', status: 200 }))).toEqual([])
  })

  test('check throws one error that names the request and every problem', () => {
    expect(() => contract.check(answer({ status: 418 }))).toThrow(
      /GET \/things\/.+ answered 418, which the OpenAPI document does not allow:\n- status 418/,
    )
  })
})
