import { readFileSync } from 'node:fs'
import { cpus, loadavg, release, totalmem, type } from 'node:os'
import pg from 'pg'
import type { MachineInfo } from './results'

export function loadAverage(): number {
  return loadavg()[0] ?? 0
}

/**
 * Linux's CPU pressure (PSI): the share of the last 60 s in which some runnable task waited for a
 * CPU, in %. Null where /proc/pressure is missing. 0 on an idle machine; near 100 when every
 * program, ours included, keeps waiting for the cores.
 */
export function cpuPressure(): number | null {
  try {
    const match = /^some avg10=[\d.]+ avg60=([\d.]+)/m.exec(
      readFileSync('/proc/pressure/cpu', 'utf8'),
    )
    return match ? Number(match[1]) : null
  } catch {
    return null
  }
}

/** What the figures were measured on. */
export async function machineInfo(
  databaseUrl: string,
  database: MachineInfo['database'],
  loadAtStart: number,
  pressureAtStart: number | null,
): Promise<MachineInfo> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 })
  await client.connect()
  let postgres: string
  try {
    const { rows } = await client.query<{ version: string }>('select version()')
    postgres = (rows[0]?.version ?? 'unknown').split(' on ')[0] ?? 'unknown'
  } finally {
    await client.end()
  }
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: totalmem() / 1024 ** 3,
    os: `${type()} ${release()}`,
    node: process.version,
    postgres,
    database,
    loadAverage: { start: loadAtStart, end: loadAverage() },
    cpuPressure: { start: pressureAtStart, end: cpuPressure() },
  }
}
