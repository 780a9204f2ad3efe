import pg from 'pg'

/**
 * The rows of the scale phase (`--only=scale`), written by the database itself: one
 * INSERT … SELECT over generate_series, so a million tasks take seconds, not the hours the api
 * would need. The measured user's tasks are every 20th row, so they lie spread through the table
 * among everybody else's as a long-lived user's would; created_at grows with the row number.
 *
 * The words are chosen so that the searches the phase measures have known shares of that user's
 * tasks: `review` (a verb of about one title in eight), `invoice` (about 0.2 % of titles) and
 * `zebra` (none).
 */

export interface ScaleSeedSize {
  /** All tasks in the table. */
  totalTasks: number
  /** Of which the measured user's. */
  userTasks: number
  /** The other users, who share the rest. */
  otherUsers: number
}

export const SCALE_SEED: ScaleSeedSize = {
  totalTasks: 1_000_000,
  userTasks: 50_000,
  otherUsers: 950,
}

/** `--quick`: the same user in a smaller table, to try the phase out. */
export const SCALE_SEED_QUICK: ScaleSeedSize = {
  totalTasks: 200_000,
  userTasks: 50_000,
  otherUsers: 950,
}

/** The searches the phase measures: many, few and no matches among the user's tasks. */
export const SCALE_SEARCHES = { common: 'review', rare: 'invoice', none: 'zebra' } as const
/** A category most tasks have, and one about 1 % have. */
export const SCALE_CATEGORIES = { common: 'work', rare: 'travel' } as const

const verbs = ['Prepare', 'Review', 'Call about', 'Write', 'Fix', 'Plan', 'Book', 'Send']
const nouns = [
  'quarterly report',
  'team offsite',
  'dentist appointment',
  'budget draft',
  'garden fence',
  'release notes',
  'insurance claim',
  'birthday present',
  'server migration',
  'tax return',
  'kitchen tap',
  'client proposal',
]

const textArray = (words: readonly string[]) =>
  `array[${words.map((word) => `'${word.replaceAll("'", "''")}'`).join(', ')}]`

/** The INSERT that writes every task; `$1` is the measured user's id. */
function insertTasks(size: ScaleSeedSize): string {
  const every = Math.round(size.totalTasks / size.userTasks)
  return `
    insert into task (user_id, title, description, completed, completed_at, priority, category,
                      due_date, created_at, updated_at)
    select
      case when r.g % ${every} = 0 then $1::uuid
           else o.ids[1 + r.g % ${size.otherUsers}] end,
      (${textArray(verbs)})[1 + floor(r.r1 * ${verbs.length})::int] || ' the ' ||
        (${textArray(nouns)})[1 + floor(r.r2 * ${nouns.length})::int] ||
        case when r.r3 < 0.002 then ' and the ${SCALE_SEARCHES.rare}' else '' end || ' #' || r.g,
      case when r.r4 < 0.4 then ''
           else 'Check the ' || (${textArray(nouns)})[1 + floor(r.r4 * 100)::int % ${nouns.length}] ||
                ' with the team first (item ' || r.g || ').'
      end,
      r.r5 < 0.4,
      case when r.r5 < 0.4 then r.created + interval '2 days' end,
      (array['low', 'medium', 'high'])[1 + floor(r.r6 * 3)::int]::task_priority,
      case when r.r7 < 0.35 then '${SCALE_CATEGORIES.common}' when r.r7 < 0.55 then 'home'
           when r.r7 < 0.70 then 'errands' when r.r7 < 0.80 then 'health'
           when r.r7 < 0.85 then 'finance' when r.r7 < 0.86 then '${SCALE_CATEGORIES.rare}' end,
      case when r.r8 < 0.3 then null else date '2025-01-01' + floor(r.r8 * 1000)::int end,
      r.created,
      r.created + floor(r.r1 * 40) * interval '1 day'
    from (
      select g, random() as r1, random() as r2, random() as r3, random() as r4, random() as r5,
             random() as r6, random() as r7, random() as r8,
             timestamptz '2024-06-01 00:00:00+00' + g * interval '61 seconds' as created
      from generate_series(1, ${size.totalTasks}) as g
    ) as r,
    (select array_agg(id order by n) as ids from scale_other) as o`
}

/**
 * Seeds the table for `userId` (a user registered through the api): the other users, then every
 * task with the table's secondary indexes dropped and built again afterwards (much faster than
 * keeping them up to date row by row), then VACUUM ANALYZE, as an old table would have had.
 */
export async function seedScale(
  databaseUrl: string,
  userId: string,
  options: { size?: ScaleSeedSize; maintenanceWorkMem: string },
): Promise<void> {
  const size = options.size ?? SCALE_SEED
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await client.query(`set maintenance_work_mem = '${options.maintenanceWorkMem}'`)
    await client.query('select setseed(0.13)')
    await client.query('begin')
    await client.query(
      `create temporary table scale_other (n int primary key, id uuid not null) on commit drop`,
    )
    await client.query(
      `with made as (
         insert into "user" (name, email, email_verified)
         select 'Scale ' || n, 'scale-' || n || '-' || $1 || '@example.com', true
         from generate_series(0, $2 - 1) as n
         returning id, email
       )
       insert into scale_other (n, id)
       select split_part(email, '-', 2)::int, id from made`,
      [userId, size.otherUsers],
    )
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(
      `select indexname as name, indexdef as definition from pg_indexes
       where schemaname = 'public' and tablename = 'task' and indexname <> 'task_pkey'`,
    )
    for (const index of indexes) await client.query(`drop index "${index.name}"`)
    await client.query(insertTasks(size), [userId])
    for (const index of indexes) await client.query(index.definition)
    await client.query('commit')
    await client.query('vacuum analyze task')
    await client.query('analyze "user"')
  } catch (error) {
    await client.query('rollback').catch(() => {})
    throw error
  } finally {
    await client.end()
  }
}
