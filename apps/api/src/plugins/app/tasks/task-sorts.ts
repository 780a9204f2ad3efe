import type { TaskSortKey } from '@taskwise/contracts/task'
import { task } from '@taskwise/db/schema/task'
import { sql, type SQL } from 'drizzle-orm'

/**
 * How the task list is ordered for each sort key, and the same value as text for its keyset
 * cursor (./cursor.ts), so that the next page starts exactly after the last row of this one.
 */

export interface SortSpec {
  /** What rows are ordered by (then by id, in the same direction). */
  expression: SQL
  /** The same value as text, exactly as the cursor carries it. */
  text: SQL
  /** The SQL type the cursor's text is cast back to. */
  type: string
  /** What a valid cursor value looks like for this sort. */
  pattern: RegExp
}

function timestampSort(column: typeof task.createdAt | typeof task.updatedAt): SortSpec {
  return {
    expression: sql`${column}`,
    // Microseconds, in UTC, independent of the session's DateStyle and TimeZone.
    text: sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    type: 'timestamptz',
    pattern: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/,
  }
}

export function sortSpec(key: TaskSortKey, descending: boolean): SortSpec {
  switch (key) {
    case 'created':
      return timestampSort(task.createdAt)
    case 'updated':
      return timestampSort(task.updatedAt)
    case 'dueDate': {
      // Tasks without a due date come last in both directions.
      const expression = sql`coalesce(${task.dueDate}, ${sql.raw(descending ? "'-infinity'" : "'infinity'")}::date)`
      return {
        expression,
        text: sql`${expression}::text`,
        type: 'date',
        pattern: /^(\d{4}-\d{2}-\d{2}|-?infinity)$/,
      }
    }
    case 'priority':
      return {
        expression: sql`${task.priority}`,
        text: sql`${task.priority}::text`,
        type: 'task_priority',
        pattern: /^(low|medium|high)$/,
      }
    case 'title':
      return {
        expression: sql`${task.title}`,
        text: sql`${task.title}`,
        type: 'text',
        pattern: /(?:)/, // any text: a title is carried as it is
      }
  }
}

/** `%`, `_` and `\` match literally in a search. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`)
}
