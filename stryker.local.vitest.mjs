// stryker.vitest.config.mjs with the tests chosen by the environment: MUT_TESTS is JSON mapping a
// workspace to the test files (globs, relative to it) to run, e.g.
// {"apps/web":["src/server/auth/caller.test.ts"]}. Workspaces it leaves out run nothing.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import api from './apps/api/vitest.config.ts'
import web from './apps/web/vitest.config.ts'
import contracts from './packages/contracts/vitest.config.ts'

const root = path.dirname(fileURLToPath(import.meta.url))
const configs = { 'packages/contracts': contracts, 'apps/api': api, 'apps/web': web }

const inCopy = [
  {
    find: /^@taskwise\/contracts\/(.*)$/,
    replacement: `${path.join(root, 'packages/contracts/src')}/$1.ts`,
  },
  { find: /^@taskwise\/api\/(.*)$/, replacement: `${path.join(root, 'apps/api')}/$1` },
]

function project(workspace, config, include) {
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

const chosen = JSON.parse(process.env.MUT_TESTS ?? '{}')
if (Object.keys(chosen).length === 0) throw new Error('MUT_TESTS names no tests')

export default defineConfig({
  test: {
    projects: Object.entries(chosen).map(([workspace, include]) => {
      const config = configs[workspace]
      if (config === undefined) throw new Error(`MUT_TESTS: no workspace ${workspace}`)
      return project(workspace, config, include)
    }),
  },
})
