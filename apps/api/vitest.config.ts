import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'api',
    include: ['src/**/*.test.ts'],
    // Each test file makes (and drops) its own database on the real PostgreSQL server.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
