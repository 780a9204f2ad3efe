/**
 * `npm run fuzz`: the property-based fuzz of the api's routes and the web app's auth routes
 * (every `fuzz.test.ts`), far longer than the bounded run inside `npm test`.
 *
 *   npm run fuzz                      5,000 requests per route, a fresh random seed
 *   npm run fuzz -- --runs 20000      more (or FUZZ_RUNS=20000 npm run fuzz)
 *   npm run fuzz -- --seed 1234       replays the seed fast-check printed for a failure
 */
import { parseArgs } from 'node:util'
import { repoRoot } from '@taskwise/db/paths'
import { run } from './lib/processes'

const { values } = parseArgs({
  options: { runs: { type: 'string' }, seed: { type: 'string' } },
})
const runs = values.runs ?? process.env.FUZZ_RUNS ?? '5000'
const seed = values.seed ?? process.env.FUZZ_SEED

if (!/^[1-9]\d*$/.test(runs)) {
  console.error(`taskwise: --runs must be a positive whole number, not "${runs}"`)
  process.exit(1)
}
if (seed !== undefined && !/^-?\d+$/.test(seed)) {
  console.error(`taskwise: --seed must be a whole number, not "${seed}"`)
  process.exit(1)
}

console.log(`taskwise: fuzzing with ${runs} requests per route${seed ? `, seed ${seed}` : ''}`)
try {
  await run('npx', ['vitest', 'run', 'fuzz.test'], {
    cwd: repoRoot,
    env: { ...process.env, FUZZ_RUNS: runs, ...(seed === undefined ? {} : { FUZZ_SEED: seed }) },
  })
} catch (error) {
  console.error(`taskwise: ${(error as Error).message}`)
  process.exit(1)
}
