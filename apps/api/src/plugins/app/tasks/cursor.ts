import type { TaskSort } from '@taskwise/contracts/task'
import { z } from 'zod'

/**
 * The opaque `nextCursor` of a task list: the sort it belongs to, and the sort value and id of
 * the last item served. base64url JSON; not signed, because it grants nothing: the owner's id
 * is still in every query's WHERE, and a tampered value is just refused.
 */

export interface TaskCursor {
  sort: TaskSort
  value: string
  id: string
}

const cursorSchema = z.strictObject({
  s: z.string(),
  v: z.string().max(400),
  i: z.uuid(),
})

export function encodeCursor(cursor: TaskCursor): string {
  return Buffer.from(JSON.stringify({ s: cursor.sort, v: cursor.value, i: cursor.id })).toString(
    'base64url',
  )
}

/** The cursor, or null when it is malformed or was made for a different sort. */
export function decodeCursor(encoded: string, sort: TaskSort): TaskCursor | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'))
  } catch {
    // Not JSON: `parsed` stays undefined, which the schema refuses.
  }
  const result = cursorSchema.safeParse(parsed)
  if (!result.success || result.data.s !== sort) return null
  return { sort, value: result.data.v, id: result.data.i }
}
