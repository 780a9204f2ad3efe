import { getWebConfig } from '../config'
import { createAuth, type TaskwiseAuth } from './auth'
import { createAuthHttp, type AuthHttp } from './http-handlers'

/**
 * The process's one authentication authority, made on first use (so `next build` needs no
 * settings) and kept on globalThis (so `next dev` reloading a module does not open another pool).
 */

interface Instance {
  taskwise: TaskwiseAuth
  http: AuthHttp
}

const holder = globalThis as typeof globalThis & { taskwiseAuthInstance?: Promise<Instance> }

async function start(): Promise<Instance> {
  const taskwise = createAuth(getWebConfig())
  try {
    // Make sure a signing key exists before the first sign-in (so that a burst of sign-ups does
    // not each mint one).
    await taskwise.auth.api.getJwks()
  } catch (error) {
    await taskwise.close()
    throw error
  }
  return { taskwise, http: createAuthHttp(taskwise) }
}

function instance(): Promise<Instance> {
  holder.taskwiseAuthInstance ??= start().catch((error: unknown) => {
    holder.taskwiseAuthInstance = undefined // try again on the next request (the database may be back)
    throw error
  })
  return holder.taskwiseAuthInstance
}

/** The Better Auth instance, for server components and server actions (`auth.api.getSession`). */
export async function getAuth(): Promise<TaskwiseAuth['auth']> {
  return (await instance()).taskwise.auth
}

export async function getAuthHttp(): Promise<AuthHttp> {
  return (await instance()).http
}
