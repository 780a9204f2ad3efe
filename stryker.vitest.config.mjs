// Vitest as Stryker runs it (stryker.config.mjs): the workspaces' own project configs, with two
// changes.
//
// - Only the tests of the mutated code run. They are chosen here, not with Stryker's
//   `testFiles`: with that option Stryker 9 activates a mutant of module-level code (a constant,
//   a regex, a schema) only after the module has loaded, so every such mutant "survives".
// - Stryker tests each mutant in a copy of the repository whose node_modules is a link to the
//   real one, where `@taskwise/*` points at the original, unmutated sources. Here the packages
//   whose files are mutated resolve inside the copy, so a test that imports
//   `@taskwise/contracts/access-token` runs the mutant.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import api from './apps/api/vitest.config.ts'
import web from './apps/web/vitest.config.ts'
import contracts from './packages/contracts/vitest.config.ts'

const root = path.dirname(fileURLToPath(import.meta.url))

/** The workspaces whose tests Stryker may run, by folder. */
const workspaceConfigs = {
  'packages/contracts': contracts,
  'apps/api': api,
  'apps/web': web,
}

const inCopy = [
  {
    find: /^@taskwise\/contracts\/(.*)$/,
    replacement: `${path.join(root, 'packages/contracts/src')}/$1.ts`,
  },
  { find: /^@taskwise\/api\/(.*)$/, replacement: `${path.join(root, 'apps/api')}/$1` },
]

/** A workspace's project (by its folder), running only `include`. */
export function project(workspace, include) {
  const config = workspaceConfigs[workspace]
  if (config === undefined) throw new Error(`no workspace ${workspace} to run tests in`)
  const own = Object.entries(config.resolve?.alias ?? {}).map(([find, replacement]) => ({
    find,
    replacement,
  }))
  return {
    ...config,
    root: path.join(root, workspace),
    resolve: { ...config.resolve, alias: [...inCopy, ...own] },
    test: { ...config.test, include },
  }
}

export default defineConfig({
  test: {
    projects: [
      project('packages/contracts', ['src/access-token.test.ts']),
      project('apps/api', [
        'src/auth/*.test.ts',
        'src/plugins/app/authentication.test.ts',
        'src/plugins/app/tasks/*.test.ts',
        'src/routes/api/tasks/{tasks,list,isolation,task-cap}.test.ts',
      ]),
      // Not the fuzz (random, and slow) nor the 100 concurrent sign-ups.
      project('apps/web', [
        'src/server/auth/{account-lifecycle,account-sessions,auth-contract,auth-limits}.test.ts',
        'src/server/auth/{caller,jwt-cookie,native-routes,password-reset}.test.ts',
        'src/server/auth/{passkeys,revocation,signed-in,sign-in-throttle,two-factor}.test.ts',
        'src/server/auth/routes/*.test.ts',
      ]),
    ],
  },
})
