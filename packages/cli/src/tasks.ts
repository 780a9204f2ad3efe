import { createTaskClient, type Task, type TaskClient } from '@taskwise/api-client/tasks'
import { type Credentials } from './credentials'
import { CliError, EXIT } from './errors'
import { settle, USER_AGENT } from './http'

/**
 * The task commands, on the client generated from the api's OpenAPI document. They work against
 * the web origin (which forwards `/api/{user_id}/tasks…`) or against the api directly (--api).
 */

export type Priority = Task['priority']
export type Status = 'all' | 'pending' | 'completed'

export interface ListOptions {
  status?: Status
  priority?: Priority
  category?: string
  q?: string
  sort?: string
  limit?: number
  cursor?: string
}

export interface TaskFields {
  title?: string
  description?: string
  priority?: Priority
  category?: string | null
  dueDate?: string | null
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function taskCommands(credentials: Credentials, baseUrl: string) {
  const client: TaskClient = createTaskClient({
    baseUrl,
    token: credentials.token,
    userAgent: USER_AGENT,
  })
  const user_id = credentials.user.id

  async function list(options: ListOptions) {
    return settle(baseUrl, () =>
      client.GET('/api/{user_id}/tasks', {
        params: { path: { user_id }, query: options as never },
      }),
    )
  }

  /** A full id, or a unique prefix of one (as `ls` shows them). */
  async function resolveId(idOrPrefix: string): Promise<string> {
    if (UUID.test(idOrPrefix)) return idOrPrefix.toLowerCase()
    const prefix = idOrPrefix.toLowerCase()
    if (!/^[0-9a-f-]{4,}$/.test(prefix)) {
      throw new CliError(
        `"${idOrPrefix}" is not a task id (give at least 4 of its first characters).`,
        EXIT.usage,
      )
    }
    const matches: string[] = []
    let cursor: string | undefined
    do {
      const page = await list({ limit: 100, ...(cursor ? { cursor } : {}) })
      matches.push(
        ...page.items.filter((task) => task.id.startsWith(prefix)).map((task) => task.id),
      )
      cursor = page.nextCursor ?? undefined
    } while (cursor && matches.length < 2)
    if (matches.length === 0)
      throw new CliError(`No task starts with ${idOrPrefix}.`, EXIT.notFound)
    if (matches.length > 1)
      throw new CliError(
        `More than one task starts with ${idOrPrefix}; give more of the id.`,
        EXIT.usage,
      )
    return matches[0] as string
  }

  return {
    list,
    async all(options: ListOptions): Promise<Task[]> {
      const tasks: Task[] = []
      let cursor: string | undefined
      do {
        const page = await list({ ...options, limit: 100, ...(cursor ? { cursor } : {}) })
        tasks.push(...page.items)
        cursor = page.nextCursor ?? undefined
      } while (cursor)
      return tasks
    },
    add: (fields: TaskFields & { title: string }) =>
      settle(baseUrl, () =>
        client.POST('/api/{user_id}/tasks', { params: { path: { user_id } }, body: fields }),
      ),
    async setCompleted(id: string, completed: boolean) {
      const task_id = await resolveId(id)
      return settle(baseUrl, () =>
        client.PATCH('/api/{user_id}/tasks/{task_id}/complete', {
          params: { path: { user_id, task_id } },
          body: { completed },
        }),
      )
    },
    async edit(id: string, fields: TaskFields) {
      const task_id = await resolveId(id)
      return settle(baseUrl, () =>
        client.PUT('/api/{user_id}/tasks/{task_id}', {
          params: { path: { user_id, task_id } },
          body: fields,
        }),
      )
    },
    async remove(id: string) {
      const task_id = await resolveId(id)
      await settle(baseUrl, () =>
        client.DELETE('/api/{user_id}/tasks/{task_id}', { params: { path: { user_id, task_id } } }),
      )
      return task_id
    },
  }
}
