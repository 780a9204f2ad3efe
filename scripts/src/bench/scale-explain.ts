import { listTasksQuerySchema } from '@taskwise/contracts/task'
import { schema, type Database } from '@taskwise/db/client'
import { drizzle } from 'drizzle-orm/node-postgres'
import type pg from 'pg'
import { decodeCursor } from '../../../apps/api/src/plugins/app/tasks/cursor'
import { createTasksRepository } from '../../../apps/api/src/plugins/app/tasks/tasks-repository'
// The repository's module declares a plugin over `fastify.db`, a decorator typed by the api's db plugin.
import type {} from '../../../apps/api/src/plugins/external/db'
import { variantQuery, type ScaleVariant } from './scale-variants'

/** The plan PostgreSQL (or PGlite) chose for one variant's list query, as the api sends it. */
export interface ScalePlan {
  name: string
  /** EXPLAIN (ANALYZE, BUFFERS), line by line. */
  plan: string[]
  /** The "Execution Time" line's figure, ms. */
  executionMs: number | null
  /** Indexes the plan reads. */
  indexes: string[]
}

/**
 * Runs the api's repository for the variant with a logger that keeps the statement it sent, then
 * asks the database for that statement's plan with the same parameters.
 */
export async function explainVariant(
  pool: pg.Pool,
  variant: ScaleVariant,
  userId: string,
): Promise<ScalePlan> {
  const sent: { text: string; params: unknown[] }[] = []
  const db: Database = drizzle(pool, {
    schema,
    casing: 'snake_case',
    logger: { logQuery: (text, params) => sent.push({ text, params }) },
  })
  const query = listTasksQuerySchema.parse(variantQuery(variant))
  const after = query.cursor ? decodeCursor(query.cursor, query.sort) : undefined
  if (after === null) throw new Error(`bench: the cursor of "${variant.name}" does not decode`)
  await createTasksRepository(db, { maxTasksPerUser: 1 }).list(userId, query, after)
  const [statement] = sent
  if (!statement) throw new Error(`bench: the list of "${variant.name}" sent no query`)
  const { rows } = await pool.query<{ 'QUERY PLAN': string }>(
    `explain (analyze, buffers) ${statement.text}`,
    statement.params,
  )
  const plan = rows.map((row) => row['QUERY PLAN'])
  const execution = plan.map((line) => /Execution Time: ([\d.]+) ms/.exec(line)).find(Boolean)
  return {
    name: variant.name,
    plan,
    executionMs: execution ? Number(execution[1]) : null,
    indexes: indexesRead(plan),
  }
}

/** The indexes a plan reads ("Index Scan using x on task", "Bitmap Index Scan on x"). */
export function indexesRead(plan: string[]): string[] {
  const names = plan.flatMap((line) =>
    [
      ...line.matchAll(/(?:Index (?:Only )?Scan(?: Backward)? using|Bitmap Index Scan on) (\w+)/g),
    ].map((match) => match[1] as string),
  )
  return [...new Set(names)]
}
