import type { Task } from '@taskwise/contracts/task'
import { createTask, mapConcurrent, seedTask, type BenchUser } from './client'
import { LIST_LIMIT, LIST_USERS, WRITE_USERS } from './constants'
import { registerUsers } from './context'

/** The bench's users and their 50 tasks each, seeded through the real register endpoint and the api. */
export async function seedUsers(options: {
  runId: string
  webUrl: string
  apiUrl: string
  password: string
}): Promise<{ listUsers: BenchUser[]; writeUsers: BenchUser[]; writeTasks: Task[] }> {
  const { webUrl, password } = options
  const listUsers = await registerUsers(options, webUrl, 'list', LIST_USERS, password)
  const writeUsers = await registerUsers(options, webUrl, 'write', WRITE_USERS, password)
  const owners = [...listUsers, ...writeUsers].flatMap((user) =>
    Array.from({ length: LIST_LIMIT }, (_, index) => ({ user, index })),
  )
  const seeded = await mapConcurrent(owners, 8, ({ user, index }) =>
    createTask(options.apiUrl, user, seedTask(index)),
  )
  const writeTasks = seeded.filter((task) => writeUsers.some((user) => user.id === task.userId))
  return { listUsers, writeUsers, writeTasks }
}
