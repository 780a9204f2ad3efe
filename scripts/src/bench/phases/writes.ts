import pg from 'pg'
import { seedTask, type BenchUser } from '../client'
import { DELETE_CAP } from '../constants'
import type { BenchContext } from '../context'
import type { LoadRequest } from '../load'
import { bearer, probe } from '../measure'
import type { WriteRun } from '../results'

/** 3. Writes (`--only=writes`), at 10 connections, on the write users' tasks (the list users' stay at 50). */
export async function writesPhase(context: BenchContext): Promise<WriteRun[]> {
  const { stack, writeUsers, writeTasks, timing } = context
  const writes: WriteRun[] = []
  const json = (user: BenchUser) => ({ ...bearer(user), 'content-type': 'application/json' })
  const userOf = (userId: string) => writeUsers.find((user) => user.id === userId) as BenchUser
  const creates: LoadRequest[] = writeUsers.map((user, index) => ({
    method: 'POST',
    path: `/api/${user.id}/tasks`,
    headers: json(user),
    body: JSON.stringify(seedTask(index)),
  }))
  const updates: LoadRequest[] = writeTasks.map((task) => ({
    method: 'PUT',
    path: `/api/${task.userId}/tasks/${task.id}`,
    headers: json(userOf(task.userId)),
    body: JSON.stringify({ title: `Updated: ${task.title}`.slice(0, 200), priority: 'high' }),
  }))
  const completes: LoadRequest[] = writeTasks.map((task) => ({
    method: 'PATCH',
    path: `/api/${task.userId}/tasks/${task.id}/complete`,
    headers: bearer(userOf(task.userId)),
  }))
  for (const [operation, requests] of [
    ['create', creates],
    ['update', updates],
    ['complete', completes],
  ] as const) {
    await probe(stack.apiUrl, requests[0] as LoadRequest)
    const result = await context.measure(`${operation}, 10 connections`, {
      url: stack.apiUrl,
      connections: 10,
      mode: 'cycle',
      requests,
      ...timing,
    })
    writes.push({ operation, connections: 10, result })
  }
  const pool = new pg.Pool({ connectionString: stack.databaseUrl, max: 1 })
  const { rows: doomed } = await pool.query<{ id: string; user_id: string }>(
    'select id, user_id from task where user_id = any($1::uuid[]) limit $2',
    [writeUsers.map((user) => user.id), DELETE_CAP],
  )
  await pool.end()
  const deletes: LoadRequest[] = doomed.map((row) => ({
    method: 'DELETE',
    path: `/api/${row.user_id}/tasks/${row.id}`,
    headers: bearer(userOf(row.user_id)),
  }))
  writes.push({
    operation: 'delete',
    connections: 10,
    result: await context.measure(`delete ${deletes.length} tasks, 10 connections`, {
      url: stack.apiUrl,
      connections: 10,
      mode: 'once',
      requests: deletes,
    }),
  })
  return writes
}
