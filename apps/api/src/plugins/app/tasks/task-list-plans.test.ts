import { taskSorts, type ListTasksQuery, type TaskSort } from '@taskwise/contracts/task'
import { createPool, schema, type Database } from '@taskwise/db/client'
import { createTestDatabase, type TestDatabase } from '@taskwise/db/testing'
import { drizzle } from 'drizzle-orm/node-postgres'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { decodeCursor } from './cursor'
import { createTasksRepository } from './tasks-repository'

/**
 * The plans the database chooses for the list's statements, at a size where reading every one
 * of a user's tasks would show (docs/decisions/0305-task-list-indexes.md): each sort reads its
 * own index in order and stops after a page, never sorting the user's tasks; a search for a rare
 * word reads the trigram indexes. The statements are the repository's own, as it sends them.
 */

const USER_TASKS = 10_000
const NEEDLE = 'quokka'

let database: TestDatabase
let pool: pg.Pool
let owner: string

beforeAll(async () => {
  database = await createTestDatabase()
  pool = createPool(database.url, { max: 2, statementTimeoutMillis: 120_000 })
  const { rows } = await pool.query<{ id: string }>(
    `insert into "user" (name, email) values ('Owner', 'owner@example.com'), ('Other', 'other@example.com')
     returning id`,
  )
  owner = rows[0]!.id
  // Two users' tasks interleaved; one title in 500 of the owner's has the needle in it.
  await pool.query(
    `insert into task (user_id, title, description, priority, category, due_date, created_at)
     select case when g % 2 = 0 then $1::uuid else $2::uuid end,
            'Task ' || g || case when g % 1000 = 0 then ' ${NEEDLE}' else '' end,
            case when g % 3 = 0 then 'Details of task ' || g else '' end,
            (array['low', 'medium', 'high'])[1 + g % 3]::task_priority,
            case when g % 7 = 0 then 'home' else 'work' end,
            case when g % 4 = 0 then null else date '2026-01-01' + g % 500 end,
            timestamptz '2026-01-01 00:00:00+00' + g * interval '1 minute'
     from generate_series(1, $3::int) as g`,
    [owner, rows[1]!.id, USER_TASKS * 2],
  )
  await pool.query('analyze task')
}, 120_000)

afterAll(async () => {
  await pool?.end()
  await database?.drop()
})

interface PlanNode {
  'Node Type': string
  'Index Name'?: string
  Plans?: PlanNode[]
}

function nodesOf(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodesOf)]
}

/** The page the repository answers `query` with, and its statement's plan as a flat list of nodes. */
async function planOf(
  overrides: Partial<ListTasksQuery>,
): Promise<{ nodes: PlanNode[]; titles: string[] }> {
  const sent: { text: string; params: unknown[] }[] = []
  const db: Database = drizzle(pool, {
    schema,
    casing: 'snake_case',
    logger: { logQuery: (text, params) => sent.push({ text, params }) },
  })
  const query: ListTasksQuery = { status: 'all', sort: '-created', limit: 50, ...overrides }
  const after = query.cursor ? (decodeCursor(query.cursor, query.sort) ?? undefined) : undefined
  const page = await createTasksRepository(db, { maxTasksPerUser: 100_000 }).list(
    owner,
    query,
    after,
  )
  const [statement] = sent
  const { rows } = await pool.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
    `explain (format json) ${statement!.text}`,
    statement!.params,
  )
  return {
    nodes: nodesOf(rows[0]!['QUERY PLAN'][0].Plan),
    titles: page.items.map((item) => item.title),
  }
}

const indexOfSort: Record<string, string> = {
  created: 'task_user_id_created_at_id_idx',
  updated: 'task_user_id_updated_at_id_idx',
  dueDate: 'task_user_id_due_date_last_idx',
  '-dueDate': 'task_user_id_due_date_first_idx',
  priority: 'task_user_id_priority_id_idx',
  title: 'task_user_id_title_id_idx',
}

function expectedIndex(sort: TaskSort): string {
  return indexOfSort[sort] ?? (indexOfSort[sort.replace(/^-/, '')] as string)
}

/** A cursor a few thousand tasks deep, taken from the list itself. */
async function deepCursor(sort: TaskSort): Promise<string> {
  const tasks = createTasksRepository(drizzle(pool, { schema, casing: 'snake_case' }), {
    maxTasksPerUser: 100_000,
  })
  let cursor: string | undefined
  for (let page = 0; page < 30; page += 1) {
    const query: ListTasksQuery = { status: 'all', sort, limit: 100, cursor }
    const after = cursor ? (decodeCursor(cursor, sort) ?? undefined) : undefined
    cursor = (await tasks.list(owner, query, after)).nextCursor ?? undefined
  }
  return cursor!
}

describe(`a user with ${USER_TASKS.toLocaleString('en-US')} tasks`, () => {
  test.each(taskSorts)(
    'sort=%s reads its own index in order and sorts nothing, on the first page and deep',
    async (sort) => {
      for (const cursor of [undefined, await deepCursor(sort)]) {
        const { nodes, titles } = await planOf({ sort, cursor })
        expect(titles).toHaveLength(50)
        const types = nodes.map((node) => node['Node Type'])
        expect(types).not.toContain('Sort')
        expect(types).not.toContain('Incremental Sort')
        expect(types).not.toContain('Seq Scan')
        expect(nodes.map((node) => node['Index Name'])).toContain(expectedIndex(sort))
      }
    },
  )

  test('a search for a word few tasks have reads the trigram indexes of title and description', async () => {
    const { nodes, titles } = await planOf({ q: NEEDLE })
    // g = 1000, 2000, … 20000: every one of them the owner's, newest first.
    expect(titles).toEqual(
      Array.from({ length: 20 }, (_, index) => `Task ${(20 - index) * 1000} ${NEEDLE}`),
    )
    const indexes = nodes.map((node) => node['Index Name'])
    expect(indexes).toContain('task_title_trgm_idx')
    expect(indexes).toContain('task_description_trgm_idx')
    expect(nodes.map((node) => node['Node Type'])).not.toContain('Seq Scan')
  })

  test('a category few tasks have is read from its index, newest first, without sorting', async () => {
    // 180 of the owner's 10,000 tasks: those whose title ends in 00 (those of 000 end in the needle).
    await pool.query(`update task set category = 'rare' where user_id = $1 and title like '%00'`, [
      owner,
    ])
    await pool.query('analyze task')
    const { nodes, titles } = await planOf({ category: 'rare' })
    expect(titles.slice(0, 3)).toEqual(['Task 19900', 'Task 19800', 'Task 19700'])
    expect(nodes.map((node) => node['Index Name'])).toContain(
      'task_user_id_category_created_at_id_idx',
    )
    expect(nodes.map((node) => node['Node Type'])).not.toContain('Sort')
  })
})
