// @ts-check
import { tmpdir } from 'node:os'
import path from 'node:path'
import base from './stryker.config.mjs'

/**
 * A narrowed run of `stryker.config.mjs`: the tests are chosen by MUT_TESTS (see
 * stryker.local.vitest.mjs), and MUT_NAME keeps the run's sandbox and reports apart, so that two
 * runs can go at once. Example:
 *
 *   MUT_NAME=native MUT_TESTS='{"apps/web":["src/server/auth/native-routes.test.ts"]}' \
 *     npx stryker run stryker.local.mjs --mutate apps/web/src/server/auth/native.ts
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
const name = process.env.MUT_NAME ?? 'local'
export default {
  ...base,
  vitest: { configFile: 'stryker.local.vitest.mjs', related: false },
  tempDirName: path.join(tmpdir(), `taskwise-stryker-${name}`),
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  incrementalFile: `reports/mutation/${name}-incremental.json`,
}
