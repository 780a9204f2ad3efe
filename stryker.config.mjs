// @ts-check
import { tmpdir } from 'node:os'
import path from 'node:path'

/**
 * `npm run mutate`: mutation testing (StrykerJS) of the security-critical code: does a test fail
 * when the code is wrong? Not part of `npm test` (it takes a while). Reports go to
 * reports/mutation/. `npm run mutate -- --mutate <file>` narrows it to one file, and
 * `-- --incremental` reuses the results of the last run for what has not changed.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'stryker.vitest.config.mjs', related: false },
  mutate: [
    // The api: who is calling, and whose tasks they reach.
    'packages/contracts/src/access-token.ts',
    'apps/api/src/auth/*.ts',
    'apps/api/src/plugins/app/authentication.ts',
    'apps/api/src/plugins/app/tasks/tasks-repository.ts',
    'apps/api/src/plugins/app/tasks/task-pages.ts',
    'apps/api/src/plugins/app/tasks/task-row.ts',
    'apps/api/src/plugins/app/tasks/task-sorts.ts',
    'apps/api/src/plugins/app/tasks/cursor.ts',
    // The web app's auth server code.
    'apps/web/src/server/auth/caller.ts',
    'apps/web/src/server/auth/native.ts',
    'apps/web/src/server/auth/routes/reauthenticate.ts',
    'apps/web/src/server/auth/routes/sessions.ts',
    'apps/web/src/server/auth/sign-in-throttle.ts',
    'apps/web/src/server/auth/jwt-cookie.ts',
    '!**/*.test.ts',
  ],
  // Which tests run is chosen in stryker.vitest.config.mjs (see there why not here).
  coverageAnalysis: 'perTest',
  // The machine is shared, and every test file makes its own database.
  concurrency: 1,
  timeoutMS: 20_000,
  dryRunTimeoutMinutes: 20,
  // The copies Stryker tests mutants in live outside the working tree, where no linter, formatter
  // or editor of the repository picks them up.
  tempDirName: path.join(tmpdir(), 'taskwise-stryker'),
  ignorePatterns: ['e2e', 'bench', '.data', '**/.next', 'reports', 'docs', '.ci'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  thresholds: { high: 90, low: 80, break: null },
}
