import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { defineProject } from 'vitest/config'

// Server code (auth against a real PostgreSQL) runs in node, the default. A component test opts
// into a DOM with a `// @vitest-environment jsdom` comment at its top.
export default defineProject({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  test: {
    name: 'web',
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['./src/test/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
