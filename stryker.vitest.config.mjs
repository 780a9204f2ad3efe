// Vitest as Stryker runs it (stryker.config.mjs). Stryker tests each mutant in a copy of the
// repository whose node_modules is a link to the real one, where `@taskwise/*` points at the
// original, unmutated sources. Here the packages whose files are mutated resolve inside the
// copy, so a test that imports `@taskwise/contracts/access-token` runs the mutant.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const root = path.dirname(fileURLToPath(import.meta.url))
const here = (relative) => path.join(root, relative)

const alias = [
  {
    find: /^@taskwise\/contracts\/(.*)$/,
    replacement: `${here('./packages/contracts/src')}/$1.ts`,
  },
  { find: /^@taskwise\/api\/(.*)$/, replacement: `${here('./apps/api')}/$1` },
]

export default defineConfig({
  test: {
    projects: ['packages/contracts', 'apps/api', 'apps/web'].map((workspace) => ({
      extends: `./${workspace}/vitest.config.ts`,
      root: `./${workspace}`,
      resolve: { alias },
    })),
  },
})
