/**
 * `npm run soak`: 50 people at once against the nginx cluster, on loopback only, for a bounded
 * number of operations and time; one api and one web instance are killed partway and started
 * again; then the invariants (docs/decisions/0502-soak-with-invariants.md) are checked. Prints
 * the figures, writes them to bench/soak.json (bench/tmp/soak.json for a --short run), and exits
 * 1 when any invariant is broken.
 *
 *   npm run soak                          50 users, 6,000 operations, at most 6 minutes
 *   npm run soak -- --short               50 users, 1,200 operations, at most 100 s (as in npm test)
 *   npm run soak -- --users=20 --operations=2000 --seconds=120 --seed=7
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { repoRoot } from '@taskwise/db/paths'
import { readSettings } from './lib/settings'
import { soakOnFreshCluster } from './soak/fresh-cluster'

const { values: flags } = parseArgs({
  options: {
    short: { type: 'boolean', default: false },
    users: { type: 'string' },
    operations: { type: 'string' },
    seconds: { type: 'string' },
    seed: { type: 'string' },
  },
})
const number = (value: string | undefined, fallback: number) =>
  value === undefined ? fallback : Number(value)
const users = number(flags.users, 50)
const operations = number(flags.operations, flags.short ? 1_200 : 6_000)
const seconds = number(flags.seconds, flags.short ? 100 : 360)
const seed = number(flags.seed, Date.now() % 1_000_000)
const scratch = flags.short || flags.users !== undefined || flags.operations !== undefined
const logDir = path.join(repoRoot, 'bench/tmp/soak-logs', String(seed))
mkdirSync(logDir, { recursive: true })

const figures = await soakOnFreshCluster({
  port: readSettings().SOAK_PORT,
  users,
  operations,
  seconds,
  seed,
  logDir,
  log: (line) => console.log(line),
})
const command = `npm run soak${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`
const out = path.join(repoRoot, scratch ? 'bench/tmp/soak.json' : 'bench/soak.json')
writeFileSync(
  out,
  `${JSON.stringify({ date: new Date().toISOString(), command, seed, ...figures }, null, 2)}\n`,
)
console.log(
  JSON.stringify(
    {
      ...figures,
      invariants: { ...figures.invariants, violations: figures.invariants.violations.length },
    },
    null,
    2,
  ),
)
for (const violation of figures.invariants.violations) console.error(`soak: VIOLATION ${violation}`)
console.log(
  `soak: figures written to ${path.relative(repoRoot, out)}; service logs in ${path.relative(repoRoot, logDir)}`,
)
process.exit(figures.invariants.violations.length > 0 ? 1 : 0)
