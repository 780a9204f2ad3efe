import { cpus, loadavg, release, totalmem, type } from 'node:os'
import pg from 'pg'
import type { MachineInfo } from './results'

export function loadAverage(): number {
  return loadavg()[0] ?? 0
}

/** What the figures were measured on. */
export async function machineInfo(
  databaseUrl: string,
  database: MachineInfo['database'],
  loadAtStart: number,
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
  }
}
