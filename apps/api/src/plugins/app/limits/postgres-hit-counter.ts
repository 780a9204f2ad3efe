import type { Database } from '@taskwise/db/client'
import DataLoader from 'dataloader'
import { sql } from 'drizzle-orm'
import type { HitCounter } from './hit-counter'

type Counted = Awaited<ReturnType<HitCounter['hit']>>

/** Most hits sent in one statement. */
const MAX_BATCH = 500

/**
 * Counts in the UNLOGGED `api_rate_limit` table. The window is numbered on the database's clock,
 * so instances with skewed clocks still share it; a late hit from an older window never moves a
 * newer one back (and is not counted in it).
 *
 * Hits that arrive together are counted together (docs/decisions/0323): every hit made while the
 * event loop handles one round of incoming requests goes into one upsert, which adds each key's
 * hits to its row and returns the new count. Each hit then gets its own place in that count, as
 * if the hits had been sent one by one, so the limit is exactly as strict as one statement per
 * hit; under load the api makes one round trip for many requests instead of one each.
 */
export function postgresHitCounter(db: Database, windowMs: number): HitCounter {
  const loader = new DataLoader<string, Counted>((keys) => countBatch(db, windowMs, keys), {
    cache: false,
    maxBatchSize: MAX_BATCH,
    // After the poll phase, so that every request read in this turn of the loop is in the batch.
    batchScheduleFn: (send) => setImmediate(send),
  })
  return {
    hit: (key) => loader.load(key),
    async close() {},
  }
}

type CountedRow = {
  key: string
  hits: number
  /** The row's window and the one this statement counted in (equal unless the row is newer). */
  window_start: string
  this_window: string
  reset_in_ms: string
}

async function countBatch(
  db: Database,
  windowMs: number,
  keys: readonly string[],
): Promise<Counted[]> {
  const added = new Map<string, number>()
  for (const key of keys) added.set(key, (added.get(key) ?? 0) + 1)
  // Rows are locked in key order, so two instances' batches cannot deadlock on each other.
  const distinct = [...added.keys()].sort()
  const counts = distinct.map((key) => added.get(key) ?? 0)
  const { rows } = await db.execute<CountedRow>(sql`
    with clock as (
      select (extract(epoch from now()) * 1000)::bigint as now_ms
    ), this_window as (
      select now_ms - now_ms % ${windowMs} as start, now_ms from clock
    )
    insert into api_rate_limit as counter (key, window_start, hits)
    select hit.key, this_window.start, hit.added
    from unnest(${sql.param(distinct)}::text[], ${sql.param(counts)}::int[]) with ordinality as hit(key, added, position),
         this_window
    order by hit.position
    on conflict (key) do update set
      hits = case when excluded.window_start > counter.window_start then excluded.hits
                  when excluded.window_start = counter.window_start then counter.hits + excluded.hits
                  else counter.hits end,
      window_start = greatest(counter.window_start, excluded.window_start)
    returning counter.key, counter.hits, counter.window_start,
      (select start from this_window) as this_window,
      counter.window_start + ${windowMs} - (select now_ms from this_window) as reset_in_ms`)

  const byKey = new Map(rows.map((row) => [row.key, row]))
  /** How many of each key's hits have had their place given out so far. */
  const given = new Map<string, number>()
  return keys.map((key) => {
    const row = byKey.get(key)
    if (!row) throw new Error('api_rate_limit upsert returned no row for a key')
    const resetInMs = Number(row.reset_in_ms)
    // A row already in a newer window did not count these hits: each sees its count as it is.
    if (row.window_start !== row.this_window) return { hits: row.hits, resetInMs }
    const place = (given.get(key) ?? 0) + 1
    given.set(key, place)
    return { hits: row.hits - (added.get(key) ?? 0) + place, resetInMs }
  })
}
