import pg from 'pg'
import type { SoakStats } from './stats'
import type { SoakUser } from './user'

export interface InvariantFigures {
  usersChecked: number
  /** Tasks the clients believe exist, each compared field by field with its row. */
  tasksChecked: number
  /** Tasks whose last write was abandoned (every retry failed): checked only for their owner. */
  unsureTasks: number
  /** Rows for which no client holds an acknowledgement, or acknowledgements with no row. */
  mismatches: number
}

/**
 * At the end, for every user, the database must hold exactly the tasks the client believes it
 * created and did not delete, each with the last values acknowledged to it.
 */
export async function checkDatabase(
  databaseUrl: string,
  users: SoakUser[],
  stats: SoakStats,
): Promise<InvariantFigures> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  const figures: InvariantFigures = {
    usersChecked: 0,
    tasksChecked: 0,
    unsureTasks: 0,
    mismatches: 0,
  }
  const mismatch = (message: string) => {
    figures.mismatches += 1
    stats.violation(message)
  }
  try {
    for (const user of users) {
      const { rows } = await client.query<{
        id: string
        title: string
        description: string
        priority: 'low' | 'medium' | 'high'
        completed: boolean
      }>('select id, title, description, priority, completed from task where user_id = $1', [
        user.id,
      ])
      figures.usersChecked += 1
      const stored = new Map(rows.map((row) => [row.id, row]))
      for (const [id, expected] of user.model) {
        if (user.unsure.has(id)) {
          figures.unsureTasks += 1
          continue
        }
        figures.tasksChecked += 1
        const row = stored.get(id)
        if (!row) {
          mismatch(`${user.email}: acknowledged task ${id} is not in the database`)
          continue
        }
        const { title, description, priority, completed } = row
        if (
          JSON.stringify({ title, description, priority, completed }) !== JSON.stringify(expected)
        ) {
          mismatch(`${user.email}: task ${id} holds other values than the last acknowledged`)
        }
      }
      for (const id of stored.keys()) {
        if (!user.model.has(id) && !user.unsure.has(id)) {
          mismatch(`${user.email}: the database holds task ${id} the client never had acknowledged`)
        }
      }
    }
  } finally {
    await client.end()
  }
  return figures
}
