import { performance } from 'node:perf_hooks'
import { text } from 'node:stream/consumers'
import type { ScaleRunSpec, ScaleSamples } from './scale-variants'
import { summarize } from './stats'

/**
 * The scale phase's load generator, in a process of its own: one connection, one request at a
 * time, the variants taking turns in short bursts (each round starting one variant further on),
 * so that a change in the machine's load falls on every variant alike and their ratios hold.
 * Reads a ScaleRunSpec as JSON on stdin, prints ScaleSamples[] as one JSON line.
 */

const spec = JSON.parse(await text(process.stdin)) as ScaleRunSpec
const samples = spec.variants.map(() => [] as number[])
const statuses = spec.variants.map(() => ({}) as Record<string, number>)

async function once(index: number): Promise<number> {
  const variant = spec.variants[index] as ScaleRunSpec['variants'][number]
  const started = performance.now()
  const response = await fetch(`${spec.url}${variant.path}`, { headers: variant.headers })
  await response.arrayBuffer()
  const ms = performance.now() - started
  const counts = statuses[index] as Record<string, number>
  counts[response.status] = (counts[response.status] ?? 0) + 1
  return ms
}

// Warm-up, discarded: every variant a few times (JIT, the pool, the database's caches).
for (let index = 0; index < spec.variants.length; index += 1) {
  for (let n = 0; n < spec.burst; n += 1) await once(index)
}
statuses.forEach((counts) => Object.keys(counts).forEach((key) => delete counts[key]))

const started = performance.now()
let rounds = 0
while (rounds < spec.minRounds || performance.now() - started < spec.seconds * 1000) {
  for (let step = 0; step < spec.variants.length; step += 1) {
    const index = (step + rounds) % spec.variants.length
    for (let n = 0; n < spec.burst; n += 1) samples[index]?.push(await once(index))
  }
  rounds += 1
}

const result: ScaleSamples[] = spec.variants.map((variant, index) => {
  const counts = statuses[index] as Record<string, number>
  const errors = Object.entries(counts)
    .filter(([status]) => status !== '200')
    .reduce((sum, [, count]) => sum + count, 0)
  return {
    name: variant.name,
    latencyMs: summarize(samples[index] ?? []),
    statuses: counts,
    errors,
  }
})
process.stdout.write(`${JSON.stringify({ rounds, variants: result })}\n`)
