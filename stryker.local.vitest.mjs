// stryker.vitest.config.mjs with the tests chosen by the environment: MUT_TESTS is JSON mapping a
// workspace to the test files (globs, relative to it) to run, e.g.
// {"apps/web":["src/server/auth/caller.test.ts"]}. Workspaces it leaves out run nothing.
import { defineConfig } from 'vitest/config'
import { project } from './stryker.vitest.config.mjs'

const chosen = JSON.parse(process.env.MUT_TESTS ?? '{}')
if (Object.keys(chosen).length === 0) throw new Error('MUT_TESTS names no tests')

export default defineConfig({
  test: {
    projects: Object.entries(chosen).map(([workspace, include]) => project(workspace, include)),
  },
})
