import { Readable } from 'node:stream'
import { userParamsSchema } from '@taskwise/contracts/task'
import {
  TASK_IMPORT_BODY_LIMIT_BYTES,
  taskExportQuerySchema,
  taskExportSchema,
  taskImportResultSchema,
  taskImportSchema,
  taskSummaryQuerySchema,
  taskSummarySchema,
} from '@taskwise/contracts/task-transfer'
import { validatorCompiler, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { currentIdentity } from '../../../plugins/app/authentication'
import { ProblemError } from '../../../plugins/app/problems'
import { problemResponse, problemResponses } from '../../problem-responses'
import { exportWriter } from './export-writers'

const security: Record<string, string[]>[] = [{ bearer: [] }, { cookie: [] }]
const tags = ['tasks']

/** The errors an import's 400 lists: the first bad records, not one line for each of 5,000. */
const IMPORT_ERRORS_SHOWN = 20

/** The day, in UTC, as YYYY-MM-DD. */
function utcDate(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** Zod's validator, with a body's list of errors cut to its first few (they come in order). */
const importValidatorCompiler: typeof validatorCompiler = (route) => {
  const validate = validatorCompiler(route)
  return (data) => {
    const result = validate(data)
    if (typeof result === 'object' && 'error' in result && Array.isArray(result.error)) {
      return { error: result.error.slice(0, IMPORT_ERRORS_SHOWN) }
    }
    return result
  }
}

const importLimitMiB = TASK_IMPORT_BODY_LIMIT_BYTES / 1024 / 1024

/** POST …/import, in a scope of its own so that only it validates with importValidatorCompiler. */
const importRoute: FastifyPluginAsyncZod = async (fastify) => {
  const collection = fastify.taskCollection
  fastify.setValidatorCompiler(importValidatorCompiler)

  fastify.post(
    '/import',
    {
      bodyLimit: TASK_IMPORT_BODY_LIMIT_BYTES,
      errorHandler: (error) => {
        // Thrown on to the app's error handler, with this route's limit in the words.
        if ((error as { code?: unknown }).code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
          throw new ProblemError(
            'payload_too_large',
            `An import file may be at most ${importLimitMiB} MiB; split it into smaller files.`,
          )
        }
        throw error
      },
      schema: {
        tags,
        security,
        summary: 'Import a JSON export: every task is created, or none is',
        params: userParamsSchema,
        body: taskImportSchema,
        response: {
          201: taskImportResultSchema,
          ...problemResponses(400, 401, 403, 409, 415, 429, 502, 503),
          413: problemResponse(413, `The body is over ${importLimitMiB} MiB`),
        },
      },
    },
    async (request, reply) => {
      const imported = await collection.importAll(
        currentIdentity(request).userId,
        request.body.tasks,
      )
      return reply.code(201).send({ imported })
    },
  )
}

/**
 * /api/{user_id}/tasks/summary, /export and /import: the whole collection at once
 * (docs/decisions/0108-export-import.md).
 */
export const taskCollectionRoutes: FastifyPluginAsyncZod = async (fastify) => {
  const collection = fastify.taskCollection

  fastify.get(
    '/summary',
    {
      schema: {
        tags,
        security,
        summary: 'Count your tasks: pending, completed, overdue and due today',
        params: userParamsSchema,
        querystring: taskSummaryQuerySchema,
        response: { 200: taskSummarySchema, ...problemResponses(400, 401, 403, 429, 502, 503) },
      },
    },
    async (request) => {
      const today = request.query.today ?? utcDate(new Date())
      return collection.summary(currentIdentity(request).userId, today)
    },
  )

  fastify.get(
    '/export',
    {
      schema: {
        tags,
        security,
        summary: 'Download every task as JSON (re-importable), CSV or iCalendar (dated tasks)',
        params: userParamsSchema,
        querystring: taskExportQuerySchema,
        response: {
          200: {
            description: 'The file, as an attachment (Content-Disposition)',
            content: {
              'application/json': { schema: taskExportSchema },
              'text/csv': {
                schema: z.string().describe('A header row, then one task per row (RFC 4180)'),
              },
              'text/calendar': {
                schema: z.string().describe('The tasks with a due date, as VTODOs (RFC 5545)'),
              },
            },
          },
          ...problemResponses(400, 401, 403, 429, 502, 503),
        },
      },
    },
    async (request, reply) => {
      const exportedAt = new Date()
      const writer = exportWriter(request.query.format, exportedAt)
      const batches = collection.batches(currentIdentity(request).userId)
      // The first batch is read before answering, so an unreachable database is still a 503.
      const first = await batches.next()
      async function* chunks() {
        yield writer.head()
        if (!first.done) yield writer.batch(first.value)
        for await (const batch of batches) yield writer.batch(batch)
        yield writer.tail()
      }
      const filename = `taskwise-tasks-${utcDate(exportedAt)}.${writer.extension}`
      reply
        .type(writer.contentType)
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'no-store')
      // A stream skips the serializer; the type provider knows only the bodies it describes.
      return reply.send(Readable.from(chunks(), { objectMode: false }) as unknown as string)
    },
  )

  await fastify.register(importRoute)
}
