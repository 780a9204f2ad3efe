import { randomUUID } from 'node:crypto'
import { listTasksQuerySchema } from '@taskwise/contracts/task'
import { createPool, schema, type Database } from '@taskwise/db/client'
import { drizzle } from 'drizzle-orm/node-postgres'
import Fastify from 'fastify'
import { createTasksRepository } from '../../../apps/api/src/plugins/app/tasks/tasks-repository'
// The repository's module declares a plugin over `fastify.db`, a decorator typed by the api's db plugin.
import type {} from '../../../apps/api/src/plugins/external/db'

/**
 * The floor (docs/decisions/0301-benchmark-floor.md): the least a server can do to answer the
 * task list. A bare Fastify route, in a process of its own, on a pool made by the same factory
 * with the same settings as the api's, sending the very SELECT the api's repository sends for a
 * list of 50 — captured from the repository at start-up, so the two cannot drift apart. No
 * authentication, no validation, no response schema, no logging; rows are sent as pg returns them.
 *
 * Settings (from the benchmark): FLOOR_DATABASE_URL, FLOOR_PORT, FLOOR_POOL_MAX, FLOOR_LIST_LIMIT.
 */

const databaseUrl = process.env.FLOOR_DATABASE_URL
if (!databaseUrl) throw new Error('floor: FLOOR_DATABASE_URL is required')
const port = Number(process.env.FLOOR_PORT ?? 4911)
const poolMax = Number(process.env.FLOOR_POOL_MAX ?? 10)
const limit = Number(process.env.FLOOR_LIST_LIMIT ?? 50)

// The api's db plugin (apps/api/src/plugins/external/db.ts) makes its pool this way.
const pool = createPool(databaseUrl, {
  max: poolMax,
  connectionTimeoutMillis: 3_000,
  applicationName: 'taskwise-bench-floor',
})

/** Runs the api's list once for an unknown user and keeps the SQL text and parameters it sent. */
async function captureListQuery(): Promise<{ text: string; params: unknown[]; userIndex: number }> {
  const probeUserId = randomUUID()
  const sent: { text: string; params: unknown[] }[] = []
  const db: Database = drizzle(pool, {
    schema,
    casing: 'snake_case',
    logger: { logQuery: (text, params) => sent.push({ text, params }) },
  })
  await createTasksRepository(db, { maxTasksPerUser: 1 }).list(
    probeUserId,
    listTasksQuerySchema.parse({ limit }),
  )
  const [query] = sent
  if (sent.length !== 1 || !query)
    throw new Error(`floor: expected the list to send one query, it sent ${sent.length}`)
  const userIndex = query.params.indexOf(probeUserId)
  if (userIndex < 0)
    throw new Error('floor: the list query does not take the user id as a parameter')
  return { ...query, userIndex }
}

const listQuery = await captureListQuery()
const app = Fastify({ logger: false })

app.get<{ Params: { userId: string } }>('/api/:userId/tasks', async (request) => {
  const params = [...listQuery.params]
  params[listQuery.userIndex] = request.params.userId
  const { rows } = await pool.query(listQuery.text, params)
  return { items: rows }
})
app.get('/health', async () => ({ ok: true }))
// For EXPLAIN ANALYZE by the benchmark: the captured statement, the user id at `userIndex`.
app.get('/query', async () => listQuery)

await app.listen({ port, host: '127.0.0.1' })
process.stdout.write(`floor listening on ${port}\n`)

const close = () => {
  void app
    .close()
    .then(() => pool.end())
    .then(() => process.exit(0))
}
process.once('SIGTERM', close)
process.once('SIGINT', close)
