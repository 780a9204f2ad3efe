import { STATUS_CODES } from 'node:http'
import {
  makeProblem,
  PROBLEM_CONTENT_TYPE,
  problemCatalog,
  type FieldError,
  type Problem,
  type ProblemCode,
} from '@taskwise/contracts/problem'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '@taskwise/db/errors'
import { TaskLimitError } from './tasks/task-cap'

/**
 * One error handler for the whole app: every error becomes an RFC 9457 problem with a stable
 * `code`. 4xx details say what the client can fix; a 5xx says nothing about the internals (its
 * cause is logged, with the request id, and the client gets the id in `x-request-id`).
 */

export interface ProblemOptions {
  headers?: Record<string, string>
  errors?: FieldError[]
}

/** An error the api means to answer with: routes and hooks throw these. */
export class ProblemError extends Error {
  override name = 'ProblemError'
  readonly statusCode: number

  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly options: ProblemOptions = {},
  ) {
    super(detail)
    this.statusCode = problemCatalog[code].status
  }
}

function validationProblem(error: FastifyError): Problem {
  const context = error.validationContext ?? 'body'
  const location = context === 'querystring' ? 'query' : (context as FieldError['location'])
  const fieldErrors: FieldError[] = []
  if (hasZodFastifySchemaValidationErrors(error)) {
    for (const issue of error.validation) {
      const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.')
      const keys = (issue.params as { keys?: unknown }).keys
      if (issue.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
        for (const key of keys) {
          fieldErrors.push({
            location,
            path: path ? `${path}.${String(key)}` : String(key),
            code: 'unknown_field',
            message: `Unknown field "${String(key)}"`,
          })
        }
      } else {
        fieldErrors.push({
          location,
          path,
          code: issue.keyword,
          message: issue.message ?? 'is not valid',
        })
      }
    }
  }
  const summary = fieldErrors.map((entry) =>
    entry.path ? `${entry.path}: ${entry.message}` : entry.message,
  )
  return makeProblem(
    'validation_failed',
    `The request ${location} is not valid. ${summary.join('; ') || error.message}.`,
    fieldErrors,
  )
}

interface Answer {
  problem: Problem
  headers?: Record<string, string>
}

function serviceUnavailable(): Answer {
  return {
    problem: makeProblem(
      'service_unavailable',
      'The service is shutting down or overloaded; retry shortly.',
    ),
    headers: { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) },
  }
}

export function toProblem(error: unknown): Answer {
  if (error instanceof ProblemError) {
    return {
      problem: makeProblem(error.code, error.detail, error.options.errors),
      headers: error.options.headers,
    }
  }
  if (error instanceof TaskLimitError) {
    const room = Math.max(0, error.max - error.existing)
    return {
      problem: makeProblem(
        'task_limit_reached',
        `An account may hold at most ${error.max} tasks; this one holds ${error.existing}, so ${error.adding === 1 ? 'a new task' : `${error.adding} more`} would pass the cap (room for ${room}). Delete some first.`,
      ),
    }
  }
  const fastifyError = error as Partial<FastifyError>
  if (fastifyError.validation) return { problem: validationProblem(error as FastifyError) }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        problem: makeProblem('unsupported_media_type', 'Send request bodies as application/json.'),
      }
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { problem: makeProblem('payload_too_large', 'A request body may be at most 16 KiB.') }
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return {
        problem: makeProblem('malformed_json', 'The request body could not be parsed as JSON.'),
      }
  }
  if (isDatabaseUnavailable(error)) {
    return {
      problem: makeProblem(
        'database_unavailable',
        'The database cannot be reached; retry shortly.',
      ),
      headers: { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) },
    }
  }
  const status = fastifyError.statusCode
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // A client error raised by Fastify itself (bad Content-Length, and the like).
    const problem = makeProblem('bad_request', fastifyError.message ?? 'Bad request')
    return { problem: { ...problem, status } }
  }
  if (status === 503) return serviceUnavailable()
  return {
    problem: makeProblem(
      'internal_error',
      'Something went wrong on our side. Quote the x-request-id header when reporting it.',
    ),
  }
}

/**
 * The raw HTTP answer to a request that Node's parser refused before Fastify saw it (headers too
 * large, bad characters, conflicting lengths, a client too slow): a problem too, not Fastify's
 * own JSON. Used by the server's `clientErrorHandler`.
 */
export function clientErrorAnswer(error: { code?: string }): string {
  const [status, detail] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'The request took too long to arrive.']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'The request headers are too large.']
        : [400, 'The request is not valid HTTP.']
  const body = JSON.stringify({ ...makeProblem('bad_request', detail), status })
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
    `Content-Type: ${PROBLEM_CONTENT_TYPE}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n')
}

export function sendProblem(reply: FastifyReply, answer: Answer): FastifyReply {
  return reply
    .code(answer.problem.status)
    .headers(answer.headers ?? {})
    .type(PROBLEM_CONTENT_TYPE)
    .send(answer.problem)
}

function handleError(
  this: FastifyInstance,
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const answer = toProblem(error)
  if (answer.problem.status >= 500) {
    request.log.error({ err: error, code: answer.problem.code }, 'request failed')
  } else {
    request.log.info(
      { code: answer.problem.code, status: answer.problem.status },
      answer.problem.title,
    )
  }
  return sendProblem(reply, answer)
}

export const problemsPlugin = fp(
  async (fastify: FastifyInstance) => {
    fastify.setErrorHandler(handleError)

    // While the server drains (close() has begun), a request that still arrives gets a 503
    // problem with Retry-After, where Fastify's return503OnClosing would answer its own JSON.
    let closing = false
    fastify.addHook('preClose', async () => {
      closing = true
    })
    fastify.addHook('onRequest', async (_request, reply) => {
      if (!closing) return
      reply.header('connection', 'close')
      return sendProblem(reply, serviceUnavailable())
    })
    const notFound = (request: FastifyRequest, reply: FastifyReply) =>
      sendProblem(reply, {
        problem: makeProblem(
          'not_found',
          `There is nothing at ${request.method} ${request.url.split('?')[0]}.`,
        ),
      })
    fastify.setNotFoundHandler(notFound)
    // A route that does not exist is a 404 whatever the request carries: its body is never read,
    // so a bad one (not JSON, too large, a wrong Content-Length) cannot turn the 404 into a 4xx
    // about the body.
    fastify.addHook('onRequest', async (request, reply) => {
      if (request.is404) return notFound(request, reply)
    })

    // Request bodies are JSON only: without the default text/plain parser, anything else is a 415.
    // An empty body counts as no body, so `PATCH …/complete` works with or without a JSON header.
    const parseJson = fastify.getDefaultJsonParser('error', 'error')
    fastify.removeAllContentTypeParsers()
    fastify.addContentTypeParser(
      'application/json',
      { parseAs: 'string' },
      (request, body, done) => {
        if (body === '') return done(null, undefined)
        parseJson(request, typeof body === 'string' ? body : body.toString('utf8'), done)
      },
    )
  },
  { name: 'problems' },
)
