import { expect, test } from 'vitest'
import { scaleSection, scaleTargetRows } from './report-scale'
import type { ScaleDatabaseRun, ScaleResults } from './results'
import type { ScaleGroup } from './scale-variants'
import { summarize } from './stats'

function variant(name: string, group: ScaleGroup, latencies: number[]) {
  return {
    name,
    group,
    latencyMs: summarize(latencies),
    statuses: { '200': 3 },
    errors: 0,
    items: 50,
  }
}

function run(database: ScaleDatabaseRun['database'], sortMs: number): ScaleDatabaseRun {
  return {
    database,
    version: 'PostgreSQL 15.20',
    seedSeconds: 40,
    tasks: { total: 1_000_050, user: 50_000 },
    rounds: 30,
    burst: 3,
    loadAverage: { start: 1, end: 2 },
    cpuPressure: { start: null, end: null },
    variants: [
      variant('default list (newest first)', 'default', [10, 10, 11]),
      variant('sort ascending title', 'sort', [sortMs, sortMs, sortMs + 1]),
      variant('search q=zebra (no match)', 'search', [12, 12, 13]),
      variant('default list, a user with 50 tasks', 'reference', [9, 9, 9]),
    ],
    plans: [
      {
        name: 'sort ascending title',
        plan: [],
        executionMs: 0.5,
        indexes: ['task_user_id_title_id_idx'],
      },
    ],
  }
}

const scale = (runs: ScaleDatabaseRun[]): ScaleResults => ({
  date: '2026-11-27T15:00:00.000Z',
  command: 'npm run bench -- --only=scale',
  cpus: 2,
  cpuModel: 'AMD EPYC',
  node: 'v20.20.2',
  wallSeconds: 600,
  runs,
})

test('the targets table names the slowest variant of each database and whether all are within 2×', () => {
  const rows = scaleTargetRows(scale([run('postgres', 19), run('embedded', 25)]))
  expect(rows[0]).toContain('PostgreSQL')
  expect(rows[0]).toContain('1.90× (sort ascending title)')
  expect(rows[0]).toContain('✅ met')
  expect(rows[1]).toContain('the embedded database (PGlite)')
  expect(rows[1]).toContain('2.50× (sort ascending title)')
  expect(rows[1]).toContain('❌ missed')
})

test('the section lists every variant with its ratio, its plan’s time and the indexes it read', () => {
  const text = scaleSection(scale([run('postgres', 25)])).join('\n')
  expect(text).toContain('## A user with 50,000 tasks in a table of 1,000,050')
  expect(text).toContain(
    '| sort ascending title | 25.0 ms | 26.0 ms | 2.50× ❌ | 0 | 0.500 ms | task_user_id_title_id_idx |',
  )
  expect(text).toContain(
    '| default list, a user with 50 tasks | 9.0 ms | 9.0 ms | 0.90× (reference) |',
  )
  expect(scaleSection(undefined)).toEqual([])
})
