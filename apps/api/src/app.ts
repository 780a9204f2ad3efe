import { randomUUID } from 'node:crypto'
import type { Server } from 'node:http'
import Fastify, { LogController, type FastifyHttpOptions, type FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import type { JwksSource } from './auth/key-store'
import type { Config } from './config'
import { authenticationPlugin } from './plugins/app/authentication'
import { rateLimitPlugin } from './plugins/app/limits/rate-limit'
import { clientErrorAnswer, problemsPlugin, sendProblem, toProblem } from './plugins/app/problems'
import { responseSerializerCompiler } from './plugins/app/response-serializer'
import { taskCollectionRepositoryPlugin } from './plugins/app/tasks/task-collection-repository'
import { tasksRepositoryPlugin } from './plugins/app/tasks/tasks-repository'
import { cookiePlugin } from './plugins/external/cookie'
import { dbPlugin } from './plugins/external/db'
import { helmetPlugin } from './plugins/external/helmet'
import { swaggerPlugin } from './plugins/external/swagger'
import { apiRoutes } from './routes/api/index'
import { healthRoutes } from './routes/health'

/**
 * The Taskwise api as a plugin. server.ts listens with it; tests build it with {@link buildApp}
 * and call `app.inject`.
 */

export interface AppOptions {
  config: Config
  /** Where the JWT signing keys come from; default: GET config.AUTH_JWKS_URL. */
  jwksSource?: JwksSource
  jwksMaxAgeMs?: number
  jwksCooldownMs?: number
}

/** Request bodies above this are refused with 413. */
export const BODY_LIMIT_BYTES = 16 * 1024

async function taskwiseApi(fastify: FastifyInstance, options: AppOptions) {
  const { config } = options
  fastify.setValidatorCompiler(validatorCompiler)
  fastify.setSerializerCompiler(responseSerializerCompiler)

  // Every response, errors and 404s included, names its request; so does every log line.
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })
  // One access-log line per request, written when it is answered (Fastify's own request logging,
  // a line on arrival and another on completion, is off: it doubled the log's cost per request).
  fastify.addHook('onResponse', async (request, reply) => {
    request.log.info(
      { req: request, res: { statusCode: reply.statusCode }, responseTime: reply.elapsedTime },
      'request completed',
    )
  })

  // Third-party wiring.
  await fastify.register(helmetPlugin)
  await fastify.register(cookiePlugin)
  await fastify.register(swaggerPlugin)
  await fastify.register(dbPlugin, {
    databaseUrl: config.DATABASE_URL,
    poolMax: config.API_DB_POOL_MAX,
    connectionTimeoutMs: config.API_DB_CONNECTION_TIMEOUT_MS,
    statementTimeoutMs: config.API_DB_STATEMENT_TIMEOUT_MS,
  })

  // Ours.
  await fastify.register(problemsPlugin)
  await fastify.register(authenticationPlugin, {
    issuer: config.AUTH_ISSUER,
    jwksUrl: config.AUTH_JWKS_URL,
    jwksSource: options.jwksSource,
    jwksMaxAgeMs: options.jwksMaxAgeMs,
    jwksCooldownMs: options.jwksCooldownMs,
    trustedOrigins: config.API_TRUSTED_ORIGINS,
    sessionCacheMs: config.API_SESSION_CACHE_MS,
  })
  await fastify.register(rateLimitPlugin, {
    max: config.API_RATE_LIMIT_MAX,
    windowSeconds: config.API_RATE_LIMIT_WINDOW_SECONDS,
    redisUrl: config.REDIS_URL,
  })
  const taskCap = { maxTasksPerUser: config.API_MAX_TASKS_PER_USER }
  await fastify.register(tasksRepositoryPlugin, taskCap)
  await fastify.register(taskCollectionRepositoryPlugin, taskCap)

  // Routes.
  await fastify.register(healthRoutes)
  await fastify.register(apiRoutes, { prefix: '/api' })
}

export const app = fp(taskwiseApi, {
  name: 'taskwise-api',
  fastify: '5.x',
})

const REQUEST_ID = /^[\w.:-]{1,128}$/
const SECRET_QUERY_PARAMETER = /token|jwt|auth|secret|password|session|key|code/i

/** A URL for the logs: values of query parameters that may hold secrets are replaced. */
export function redactUrl(url: string): string {
  const question = url.indexOf('?')
  if (question === -1) return url
  const params = new URLSearchParams(url.slice(question + 1))
  for (const name of new Set(params.keys())) {
    if (SECRET_QUERY_PARAMETER.test(name)) params.set(name, '[redacted]')
  }
  return `${url.slice(0, question)}?${params.toString()}`
}

type LoggedError = {
  type: string
  message: string
  stack: string
  code?: string
  cause?: LoggedError
}

/**
 * Errors for the logs: name, message, code, stack and cause only. Drops what drivers hang on
 * their errors (pg attaches the whole client, connection settings included) and the query
 * parameters drizzle puts in its messages (they hold user data).
 */
export function serializeError(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error), stack: '' }
  const code = (error as { code?: unknown }).code
  const withoutParams = (text: string) =>
    text.replace(/\nparams: [^]*?(?=\n\s+at |$)/, '\nparams: [redacted]')
  return {
    type: error.name,
    message: withoutParams(error.message),
    stack: withoutParams(error.stack ?? ''),
    ...(typeof code === 'string' ? { code } : {}),
    ...(error.cause !== undefined && depth < 3
      ? { cause: serializeError(error.cause, depth + 1) }
      : {}),
  }
}

export interface ServerOptionsOverrides {
  /** Where log lines go (tests capture them); default stdout. */
  logStream?: { write(line: string): void }
}

/** Fastify's own options: logging, request ids, limits and timeouts. */
export function serverOptions(
  config: Config,
  overrides: ServerOptionsOverrides = {},
): FastifyHttpOptions<Server> {
  return {
    logger: {
      level: config.LOG_LEVEL,
      ...(overrides.logStream ? { stream: overrides.logStream } : {}),
      // Headers are not logged at all; this is the safety net if someone adds them.
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
        censor: '[redacted]',
      },
      serializers: {
        err: (error: unknown) => serializeError(error),
        req: (request: { method?: string; url?: string; ip?: string }) => ({
          method: request.method,
          url: redactUrl(request.url ?? ''),
          remoteAddress: request.ip,
        }),
      },
    },
    // Keep a caller's (or the web app's) request id when it looks like one, else make one.
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-request-id']
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID()
    },
    // Fastify's own request lines are off: the onResponse hook above writes one per request.
    logController: new LogController({ disableRequestLogging: true }),
    // X-Forwarded-For (the client address in logs) is believed only from the reverse proxies
    // listed in TRUSTED_PROXIES (docs/decisions/0202-client-ip-trust.md); else the socket's.
    trustProxy: config.TRUSTED_PROXIES.length > 0 ? config.TRUSTED_PROXIES : false,
    // An over-long path segment is a wrong id like any other (403 for {user_id}, 400 for
    // {task_id}, 404 where no route has it), not the router's 414. The router needs no limit
    // of its own (no route has a regex parameter): Node caps the request line and headers at
    // 16 KiB.
    routerOptions: { maxParamLength: Number.MAX_SAFE_INTEGER },
    // The router refuses malformed percent-encoding before any hook runs: a 400 problem too,
    // not Fastify's own JSON.
    frameworkErrors: (error, request, reply) => {
      reply.header('x-request-id', request.id)
      sendProblem(reply, toProblem(error))
    },
    // Requests Node's HTTP parser refuses (431, 400, 408) never reach the router.
    clientErrorHandler: (error, socket) => {
      if ((error as NodeJS.ErrnoException).code === 'ECONNRESET' || socket.destroyed) return
      if (socket.writable) socket.write(clientErrorAnswer(error as NodeJS.ErrnoException))
      socket.destroy(error)
    },
    bodyLimit: BODY_LIMIT_BYTES,
    // A slow client cannot hold a request open: its headers must arrive within
    // API_HEADERS_TIMEOUT_MS and the whole request within API_REQUEST_TIMEOUT_MS, else a 408 and
    // the connection is closed. Node checks these on a timer (every 30 s by default, which would
    // stretch a 10 s limit to 40 s); here at least once a second (docs/decisions/0511-timeouts.md).
    http: {
      headersTimeout: config.API_HEADERS_TIMEOUT_MS,
      connectionsCheckingInterval: Math.min(1_000, Math.ceil(config.API_HEADERS_TIMEOUT_MS / 4)),
    },
    requestTimeout: config.API_REQUEST_TIMEOUT_MS,
    // … and an idle keep-alive connection outlives a typical load balancer's 60 s idle timeout.
    keepAliveTimeout: 72_000,
    connectionTimeout: 60_000,
    forceCloseConnections: 'idle',
    // Requests arriving while the server drains get a 503 problem from plugins/app/problems.ts.
    return503OnClosing: false,
  }
}

export async function buildApp(
  options: AppOptions & ServerOptionsOverrides,
): Promise<FastifyInstance> {
  const { logStream, ...appOptions } = options
  const fastify = Fastify(
    serverOptions(options.config, { logStream }),
  ).withTypeProvider<ZodTypeProvider>()
  await fastify.register(app, appOptions)
  return fastify
}
