import { useTestDatabase } from '@taskwise/db/use-test-database'
import { sql } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { postgresHitCounter } from './postgres-hit-counter'

const database = useTestDatabase()
const MINUTE = 60_000

/** Every count handed out for `key`, in ascending order. */
const countsOf = (answers: { key: string; hits: number }[], key: string) =>
  answers
    .filter((answer) => answer.key === key)
    .map((answer) => answer.hits)
    .sort((a, b) => a - b)
const oneTo = (n: number) => Array.from({ length: n }, (_, index) => index + 1)

/** Hits on `keys`, all made in one turn of the event loop (so they go out as one batch). */
const hitTogether = (counter: ReturnType<typeof postgresHitCounter>, keys: string[]) =>
  Promise.all(keys.map(async (key) => ({ key, ...(await counter.hit(key)) })))

describe('the PostgreSQL hit counter', () => {
  test('hits made together each get their own count, as if sent one by one', async () => {
    const counter = postgresHitCounter(database.db, MINUTE)
    const keys = [...Array(30).fill('together-a'), ...Array(7).fill('together-b'), 'together-c']
    const answers = await hitTogether(counter, keys)
    expect(countsOf(answers, 'together-a')).toEqual(oneTo(30))
    expect(countsOf(answers, 'together-b')).toEqual(oneTo(7))
    expect(countsOf(answers, 'together-c')).toEqual([1])
    for (const answer of answers) {
      expect(answer.resetInMs).toBeGreaterThan(0)
      expect(answer.resetInMs).toBeLessThanOrEqual(MINUTE)
    }
    // The next hit continues the count.
    expect((await counter.hit('together-a')).hits).toBe(31)
  })

  test('two instances hitting one key at once hand out every count exactly once', async () => {
    const [first, second] = [MINUTE, MINUTE].map((ms) => postgresHitCounter(database.db, ms))
    const rounds = await Promise.all(
      Array.from({ length: 8 }, async (_, round) => {
        await new Promise((resolve) => setTimeout(resolve, round % 3))
        return hitTogether(round % 2 === 0 ? first! : second!, Array(25).fill('shared'))
      }),
    )
    expect(countsOf(rounds.flat(), 'shared')).toEqual(oneTo(200))
  })

  test('more hits at once than one statement takes are still each counted once', async () => {
    const counter = postgresHitCounter(database.db, MINUTE)
    const answers = await hitTogether(counter, Array(1_234).fill('many'))
    expect(countsOf(answers, 'many')).toEqual(oneTo(1_234))
  })

  test('a new window starts the count again', async () => {
    const counter = postgresHitCounter(database.db, 500)
    await hitTogether(counter, Array(5).fill('windowed'))
    // The stored window is moved into the past, as the clock would.
    await database.db.execute(
      sql`update api_rate_limit set window_start = window_start - 1000 where key = 'windowed'`,
    )
    const answers = await hitTogether(counter, Array(3).fill('windowed'))
    expect(countsOf(answers, 'windowed')).toEqual(oneTo(3))
  })

  test('hits from an older window (a skewed instance) neither count nor move a newer one back', async () => {
    const counter = postgresHitCounter(database.db, MINUTE)
    await counter.hit('skewed')
    // Another instance already counts in a later window.
    await database.db.execute(
      sql`update api_rate_limit set window_start = window_start + ${MINUTE}, hits = 9 where key = 'skewed'`,
    )
    const answers = await hitTogether(counter, Array(4).fill('skewed'))
    expect(countsOf(answers, 'skewed')).toEqual([9, 9, 9, 9])
    const { rows } = await database.db.execute<{ hits: number }>(
      sql`select hits from api_rate_limit where key = 'skewed'`,
    )
    expect(rows[0]?.hits).toBe(9)
  })

  test('keys of any text, hostile ones included, are counted apart', async () => {
    const counter = postgresHitCounter(database.db, MINUTE)
    const keys = ["o'brien", '"quoted"', '{a,b}', 'NULL', '\\', 'ünïcødé', ' ', '']
    const answers = await hitTogether(counter, [...keys, ...keys])
    for (const key of keys) expect(countsOf(answers, key)).toEqual([1, 2])
  })

  test('when the database refuses, every hit in the batch fails (none is answered wrongly)', async () => {
    const counter = postgresHitCounter(database.db, MINUTE)
    await database.db.execute(sql`alter table api_rate_limit rename to api_rate_limit_away`)
    try {
      const settled = await Promise.allSettled(Array.from({ length: 5 }, () => counter.hit('x')))
      expect(settled.map((result) => result.status)).toEqual(Array(5).fill('rejected'))
    } finally {
      await database.db.execute(sql`alter table api_rate_limit_away rename to api_rate_limit`)
    }
  })
})
