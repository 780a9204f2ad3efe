import type { ListTasksQuery, Task, TaskSortKey } from '@taskwise/contracts/task'
import type { Database } from '@taskwise/db/client'
import { task, type TaskRow } from '@taskwise/db/schema/task'
import {
  and,
  asc,
  desc,
  eq,
  getTableColumns,
  ilike,
  or,
  sql,
  type Placeholder,
  type SQL,
} from 'drizzle-orm'
import { encodeCursor, type TaskCursor } from './cursor'
import { escapeLike, sortSpec, type SortSpec } from './task-sorts'
import { toTask } from './task-row'

/** A cursor whose value the database refused (tampered or from another version). */
export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError'
}

/** True for PostgreSQL's "data exception" class (a value that cannot be cast). */
function isDataException(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth += 1) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && code.startsWith('22')) return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}

export type ListTasks = (
  userId: string,
  query: ListTasksQuery,
  after?: TaskCursor,
) => Promise<{ items: Task[]; nextCursor: string | null }>

/**
 * The list of one user's tasks, a page at a time: filtered, searched, sorted, and continued after
 * a cursor. Every statement carries `user_id = <owner>` in its WHERE.
 */
export function createTaskPages(db: Database): ListTasks {
  /** One page of the list: the rows in sort order (then by id), each with its cursor value. */
  const pageQuery = (
    where: SQL | undefined,
    spec: SortSpec,
    descending: boolean,
    limit: number | Placeholder,
  ) => {
    const order = descending ? desc : asc
    return db
      .select({ ...getTableColumns(task), sortValue: sql<string>`${spec.text}`.as('sort_value') })
      .from(task)
      .where(where)
      .orderBy(order(spec.expression), order(task.id))
      .limit(limit)
  }
  const preparePlainPage = (spec: SortSpec, descending: boolean) =>
    pageQuery(
      and(eq(task.userId, sql.placeholder('userId'))),
      spec,
      descending,
      sql.placeholder('limit'),
    ).prepare('') // unnamed: PostgreSQL parses it each time, as before (0315)
  /**
   * The default list (no filter, no search, no cursor) is the hot path: its statement is built
   * once per sort and reused, instead of through the query builder on every request.
   */
  const plainPages = new Map<string, ReturnType<typeof preparePlainPage>>()
  function plainPage(sort: string, spec: SortSpec, descending: boolean) {
    let prepared = plainPages.get(sort)
    if (!prepared) {
      prepared = preparePlainPage(spec, descending)
      plainPages.set(sort, prepared)
    }
    return prepared
  }

  return async function list(userId, query, after) {
    const descending = query.sort.startsWith('-')
    const key = (descending ? query.sort.slice(1) : query.sort) as TaskSortKey
    const spec = sortSpec(key, descending)

    const conditions: (SQL | undefined)[] = [eq(task.userId, userId)]
    if (query.status !== 'all') conditions.push(eq(task.completed, query.status === 'completed'))
    if (query.priority) conditions.push(eq(task.priority, query.priority))
    if (query.category) conditions.push(eq(task.category, query.category))
    if (query.q) {
      const pattern = `%${escapeLike(query.q)}%`
      conditions.push(or(ilike(task.title, pattern), ilike(task.description, pattern)))
    }
    if (after) {
      if (!spec.pattern.test(after.value))
        throw new InvalidCursorError('cursor value has the wrong form')
      const cast = sql.raw(spec.type)
      conditions.push(
        descending
          ? sql`(${spec.expression}, ${task.id}) < (${after.value}::${cast}, ${after.id}::uuid)`
          : sql`(${spec.expression}, ${task.id}) > (${after.value}::${cast}, ${after.id}::uuid)`,
      )
    }

    let rows: (TaskRow & { sortValue: string })[]
    try {
      rows =
        conditions.length === 1
          ? await plainPage(query.sort, spec, descending).execute({
              userId,
              limit: query.limit + 1,
            })
          : await pageQuery(and(...conditions), spec, descending, query.limit + 1)
    } catch (error) {
      if (after && isDataException(error))
        throw new InvalidCursorError('cursor value refused by the database')
      throw error
    }

    const page = rows.slice(0, query.limit)
    const last = page.at(-1)
    const nextCursor =
      rows.length > query.limit && last
        ? encodeCursor({ sort: query.sort, value: last.sortValue, id: last.id })
        : null
    return { items: page.map(toTask), nextCursor }
  }
}
