import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { currentIdentity } from '../../plugins/app/authentication'
import { ProblemError } from '../../plugins/app/problems'
import { taskCollectionRoutes } from './tasks/collection'
import { tasksRoutes } from './tasks/index'

/**
 * Everything under /api. The hooks sit on the folder, not on each route, so no route here can
 * skip them: a path with an empty parameter is not a route (404), then the caller must be
 * authenticated (401), then a `{user_id}` in the path must be the caller's own (403), then the caller
 * must be within their request limit (429), all before a body is even parsed.
 */
export const apiRoutes: FastifyPluginAsync = async (fastify) => {
  // An empty segment names nothing: /api//tasks, and /api/{user_id}/tasks/ (which the router
  // would take for an empty {task_id}), are 404s like any path the api does not serve.
  fastify.addHook('onRequest', async (request, reply) => {
    const params = (request.params ?? {}) as Record<string, string | undefined>
    if (Object.values(params).some((value) => value === '')) return reply.callNotFound()
  })
  fastify.addHook('onRequest', fastify.authenticate)
  fastify.addHook('onRequest', async (request: FastifyRequest) => {
    const pathUserId = (request.params as { user_id?: string } | undefined)?.user_id
    if (pathUserId !== undefined && pathUserId.toLowerCase() !== currentIdentity(request).userId) {
      throw new ProblemError(
        'forbidden',
        'You can only reach your own tasks: {user_id} must be your user id.',
      )
    }
  })
  fastify.addHook('onRequest', fastify.limitPerUser)

  await fastify.register(tasksRoutes, { prefix: '/:user_id/tasks' })
  await fastify.register(taskCollectionRoutes, { prefix: '/:user_id/tasks' })
}
