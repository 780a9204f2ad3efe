import type { ListTasksQueryInput, TaskSort } from '@taskwise/contracts/task'
import { taskSorts } from '@taskwise/contracts/task'
import type { Database } from '@taskwise/db/client'
import { task } from '@taskwise/db/schema/task'
import { asc, desc, eq, sql } from 'drizzle-orm'
import { encodeCursor } from '../../../apps/api/src/plugins/app/tasks/cursor'
import { sortSpec } from '../../../apps/api/src/plugins/app/tasks/task-sorts'
import type { TaskSortKey } from '@taskwise/contracts/task'
import { LIST_LIMIT } from './constants'
import { SCALE_CATEGORIES, SCALE_SEARCHES } from './scale-seed'
import type { LatencySummary } from './stats'

/**
 * Every list variant the scale phase measures: the default list, each filter, the searches,
 * every sort in both directions and a page deep into each sort (keyset cursor), all for the user
 * with 50,000 tasks; and, for scale, the default list of a user with 50.
 */

export type ScaleGroup = 'default' | 'filter' | 'search' | 'sort' | 'deep page' | 'reference'

export interface ScaleVariant {
  name: string
  group: ScaleGroup
  /** The list's query, without `limit` (always LIST_LIMIT). */
  query: Record<string, string>
  /** `new`: a user with 50 tasks (the reference, not held to the target). */
  user: 'measured' | 'new'
}

/** Where the deep pages start: this many of the user's tasks come before them in the sort. */
export const DEEP_OFFSET = 30_000

/** What the runner (scale-runner.ts) is asked to do. */
export interface ScaleRunSpec {
  url: string
  variants: { name: string; path: string; headers: Record<string, string> }[]
  /** Requests a variant gets in a row before the next one's turn. */
  burst: number
  minRounds: number
  /** Rounds go on until this much time has passed. */
  seconds: number
}

export interface ScaleSamples {
  name: string
  latencyMs: LatencySummary
  statuses: Record<string, number>
  errors: number
}

const sortName = (sort: TaskSort) =>
  `${sort.startsWith('-') ? 'descending' : 'ascending'} ${sort.replace(/^-/, '')}`

/**
 * The variants; each deep page's cursor is made from the row at DEEP_OFFSET in that sort, with
 * the api's own sort expressions and cursor encoding, so it is the very cursor the api would have
 * handed out on the page before.
 */
export async function scaleVariants(db: Database, userId: string): Promise<ScaleVariant[]> {
  const variants: ScaleVariant[] = [
    { name: 'default list (newest first)', group: 'default', query: {}, user: 'measured' },
    { name: 'status=pending', group: 'filter', query: { status: 'pending' }, user: 'measured' },
    { name: 'status=completed', group: 'filter', query: { status: 'completed' }, user: 'measured' },
    { name: 'priority=high', group: 'filter', query: { priority: 'high' }, user: 'measured' },
    {
      name: `category=${SCALE_CATEGORIES.common} (35 %)`,
      group: 'filter',
      query: { category: SCALE_CATEGORIES.common },
      user: 'measured',
    },
    {
      name: `category=${SCALE_CATEGORIES.rare} (1 %)`,
      group: 'filter',
      query: { category: SCALE_CATEGORIES.rare },
      user: 'measured',
    },
    ...Object.entries(SCALE_SEARCHES).map(([share, q]): ScaleVariant => ({
      name: `search q=${q} (${share === 'common' ? '~12 %' : share === 'rare' ? '~0.2 %' : 'no match'})`,
      group: 'search',
      query: { q },
      user: 'measured',
    })),
  ]
  for (const sort of taskSorts) {
    if (sort !== '-created')
      variants.push({
        name: `sort ${sortName(sort)}`,
        group: 'sort',
        query: { sort },
        user: 'measured',
      })
  }
  for (const sort of taskSorts) {
    variants.push({
      name: `page after ${DEEP_OFFSET.toLocaleString('en-US')}, ${sortName(sort)}`,
      group: 'deep page',
      query: { sort, cursor: await deepCursor(db, userId, sort) },
      user: 'measured',
    })
  }
  variants.push({
    name: 'default list, a user with 50 tasks',
    group: 'reference',
    query: {},
    user: 'new',
  })
  return variants
}

async function deepCursor(db: Database, userId: string, sort: TaskSort): Promise<string> {
  const descending = sort.startsWith('-')
  const spec = sortSpec(sort.replace(/^-/, '') as TaskSortKey, descending)
  const order = descending ? desc : asc
  const [row] = await db
    .select({ id: task.id, value: sql<string>`${spec.text}` })
    .from(task)
    .where(eq(task.userId, userId))
    .orderBy(order(spec.expression), order(task.id))
    .offset(DEEP_OFFSET - 1)
    .limit(1)
  if (!row) throw new Error(`bench: the scale user has fewer than ${DEEP_OFFSET} tasks`)
  return encodeCursor({ sort, value: row.value, id: row.id })
}

export function variantQuery(variant: ScaleVariant): ListTasksQueryInput {
  return { limit: LIST_LIMIT, ...variant.query } as ListTasksQueryInput
}

export function variantPath(variant: ScaleVariant, userId: string): string {
  const params = new URLSearchParams({ limit: String(LIST_LIMIT), ...variant.query })
  return `/api/${userId}/tasks?${params}`
}
