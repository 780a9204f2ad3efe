import { readdirSync, readFileSync } from 'node:fs'
import type { MemoryReading } from './results'

/** Resident memory and CPU time from /proc (Linux), of a process and every process below it. */

function rssKiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)
  return match ? Number(match[1]) : 0
}

function childrenOf(pid: number): number[] {
  const children: number[] = []
  for (const thread of readdirSync(`/proc/${pid}/task`)) {
    const list = readFileSync(`/proc/${pid}/task/${thread}/children`, 'utf8').trim()
    if (list) children.push(...list.split(/\s+/).map(Number))
  }
  return children
}

/** User + system CPU time of a process (all its threads: the libuv pool's hashing included), in ms. */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command name (which may hold spaces) start at field 3; utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = Number(fields[11]) + Number(fields[12])
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND
}

/** Linux's USER_HZ, the unit of /proc/<pid>/stat times (100 on every mainstream architecture). */
const CLOCK_TICKS_PER_SECOND = 100

function sumOverTree(pid: number | undefined, read: (pid: number) => number): number | null {
  if (pid === undefined) return null
  try {
    let total = 0
    const queue = [pid]
    while (queue.length > 0) {
      const next = queue.shift() as number
      total += read(next)
      queue.push(...childrenOf(next))
    }
    return total
  } catch {
    return null
  }
}

/** The RSS of `pid` and its descendants in MiB, or null when the process is gone or /proc is missing. */
export function treeRssMiB(pid: number | undefined): number | null {
  const kib = sumOverTree(pid, rssKiB)
  return kib === null ? null : kib / 1024
}

/** The CPU time `pid` and its descendants have used so far, in ms (null as above). */
export function treeCpuMs(pid: number | undefined): number | null {
  return sumOverTree(pid, cpuMs)
}

/** The memory readings of a run: each service idle and loaded, then the scrypt web instance. */
export function memoryReadings(
  idle: Map<string, number | null>,
  loaded: Map<string, number | null>,
  scrypt: { idleMiB: number | null; loadedMiB: number | null },
): MemoryReading[] {
  const memory: MemoryReading[] = [...idle].map(([service, idleMiB]) => ({
    service,
    idleMiB,
    loadedMiB: loaded.get(service) ?? null,
  }))
  const { idleMiB, loadedMiB } = scrypt
  memory.push({ service: 'web (web server), scrypt instance', idleMiB, loadedMiB })
  return memory
}
