import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'scripts',
    include: ['src/**/*.test.ts'],
    // The launcher test may build the web app on its first run.
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
})
