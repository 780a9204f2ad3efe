import {
  completeTaskSchema,
  createTaskSchema,
  listTasksQuerySchema,
  taskListSchema,
  taskParamsSchema,
  taskSchema,
  updateTaskSchema,
  userParamsSchema,
} from '@taskwise/contracts/task'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { currentIdentity } from '../../../plugins/app/authentication'
import { ProblemError } from '../../../plugins/app/problems'
import { decodeCursor } from '../../../plugins/app/tasks/cursor'
import { InvalidCursorError } from '../../../plugins/app/tasks/task-pages'
import { problemResponses } from '../../problem-responses'

const security: Record<string, string[]>[] = [{ bearer: [] }, { cookie: [] }]
const tags = ['tasks']
const locationHeader = {
  description: 'The new task: /api/{user_id}/tasks/{task_id}',
  required: true,
  schema: { type: 'string' },
}

function taskNotFound(): ProblemError {
  return new ProblemError('not_found', 'There is no such task.')
}

/**
 * /api/{user_id}/tasks. Thin: validate (zod, from packages/contracts), call the repository,
 * turn null into 404. The owner is always the token's user, never anything in the request.
 */
export const tasksRoutes: FastifyPluginAsyncZod = async (fastify) => {
  const tasks = fastify.tasksRepository

  fastify.get(
    '/',
    {
      // Served and documented as /api/{user_id}/tasks only: /tasks/ is a 404.
      prefixTrailingSlash: 'no-slash',
      schema: {
        tags,
        security,
        summary: 'List your tasks: filter, search, sort, page',
        params: userParamsSchema,
        querystring: listTasksQuerySchema,
        response: { 200: taskListSchema, ...problemResponses(400, 401, 403, 429, 502, 503) },
      },
    },
    async (request) => {
      const { cursor } = request.query
      const after = cursor === undefined ? undefined : decodeCursor(cursor, request.query.sort)
      const invalidCursor = () =>
        new ProblemError(
          'invalid_cursor',
          'The cursor is not one this list handed out (or it belongs to another sort).',
          {
            errors: [
              {
                location: 'query',
                path: 'cursor',
                code: 'invalid_cursor',
                message: 'Pass a nextCursor of this list, with the same sort',
              },
            ],
          },
        )
      if (after === null) throw invalidCursor()
      try {
        return await tasks.list(currentIdentity(request).userId, request.query, after)
      } catch (error) {
        if (error instanceof InvalidCursorError) throw invalidCursor()
        throw error
      }
    },
  )

  fastify.post(
    '/',
    {
      prefixTrailingSlash: 'no-slash',
      schema: {
        tags,
        security,
        summary: 'Create a task',
        params: userParamsSchema,
        body: createTaskSchema,
        response: {
          201: {
            description: 'Created',
            headers: { Location: locationHeader },
            content: { 'application/json': { schema: taskSchema } },
          },
          ...problemResponses(400, 401, 403, 409, 413, 415, 429, 502, 503),
        },
      },
    },
    async (request, reply) => {
      const created = await tasks.create(currentIdentity(request).userId, request.body)
      return reply
        .code(201)
        .header('location', `/api/${created.userId}/tasks/${created.id}`)
        .send(created)
    },
  )

  fastify.get(
    '/:task_id',
    {
      schema: {
        tags,
        security,
        summary: 'Get one task',
        params: taskParamsSchema,
        response: { 200: taskSchema, ...problemResponses(400, 401, 403, 404, 429, 502, 503) },
      },
    },
    async (request) => {
      const found = await tasks.findById(currentIdentity(request).userId, request.params.task_id)
      if (!found) throw taskNotFound()
      return found
    },
  )

  fastify.put(
    '/:task_id',
    {
      schema: {
        tags,
        security,
        summary: 'Update the fields given',
        params: taskParamsSchema,
        body: updateTaskSchema,
        response: {
          200: taskSchema,
          ...problemResponses(400, 401, 403, 404, 413, 415, 429, 502, 503),
        },
      },
    },
    async (request) => {
      const updated = await tasks.update(
        currentIdentity(request).userId,
        request.params.task_id,
        request.body,
      )
      if (!updated) throw taskNotFound()
      return updated
    },
  )

  fastify.delete(
    '/:task_id',
    {
      schema: {
        tags,
        security,
        summary: 'Delete a task',
        params: taskParamsSchema,
        response: {
          204: z.undefined().describe('Deleted'),
          ...problemResponses(400, 401, 403, 404, 413, 415, 429, 502, 503),
        },
      },
    },
    async (request, reply) => {
      const removed = await tasks.remove(currentIdentity(request).userId, request.params.task_id)
      if (!removed) throw taskNotFound()
      return reply.code(204).send()
    },
  )

  fastify.patch(
    '/:task_id/complete',
    {
      schema: {
        tags,
        security,
        summary: 'Toggle completion, or set it with {completed}',
        params: taskParamsSchema,
        body: completeTaskSchema,
        response: {
          200: taskSchema,
          ...problemResponses(400, 401, 403, 404, 413, 415, 429, 502, 503),
        },
      },
    },
    async (request) => {
      const updated = await tasks.complete(
        currentIdentity(request).userId,
        request.params.task_id,
        request.body?.completed,
      )
      if (!updated) throw taskNotFound()
      return updated
    },
  )
}
