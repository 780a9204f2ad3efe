import { text } from 'node:stream/consumers'
import { passwordHashing } from '../../../apps/web/src/server/auth/password-hashing'
import type { HashSpec, HashTiming } from './hashing'
import { median } from './stats'

/**
 * The password hashers alone, in a process of their own, with the web app's own hashing module:
 * one verification at a time (the cost of one), then `concurrency` at once (what a burst of
 * sign-ins costs in hashing only, with no HTTP, session or database work around it).
 */

const spec = JSON.parse(await text(process.stdin)) as HashSpec
const timings: HashTiming[] = []
for (const hasher of spec.hashers) {
  const { hash, verify } = passwordHashing(hasher)
  const encoded = await hash(spec.password)
  const check = async () => {
    if (!(await verify({ hash: encoded, password: spec.password })))
      throw new Error(`hash: ${hasher} refused the right password`)
  }
  await check()
  const one: number[] = []
  for (let i = 0; i < spec.sequential; i += 1) {
    const started = performance.now()
    await check()
    one.push(performance.now() - started)
  }
  const cpuBefore = process.cpuUsage()
  const started = performance.now()
  await Promise.all(Array.from({ length: spec.concurrency }, check))
  const burstWallMs = performance.now() - started
  const cpu = process.cpuUsage(cpuBefore)
  timings.push({
    hasher,
    oneMs: median(one),
    concurrency: spec.concurrency,
    burstWallMs,
    burstCpuMs: (cpu.user + cpu.system) / 1000,
  })
}
process.stdout.write(`${JSON.stringify(timings)}\n`)
