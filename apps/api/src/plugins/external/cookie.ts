import cookie from '@fastify/cookie'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

/** Parses the Cookie header (the browser carries the JWT in an httpOnly cookie). */
export const cookiePlugin = fp(
  async (fastify: FastifyInstance) => {
    await fastify.register(cookie)
  },
  { name: 'cookie' },
)
