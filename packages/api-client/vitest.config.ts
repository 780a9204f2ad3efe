import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'api-client',
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
