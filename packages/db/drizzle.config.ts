import { defineConfig } from 'drizzle-kit'

// drizzle-kit only reads the schema to write SQL migrations; it never connects here.
export default defineConfig({
  dialect: 'postgresql',
  schema: [
    './src/schema/auth.ts',
    './src/schema/task.ts',
    './src/schema/sign-in-throttle.ts',
    './src/schema/auth-activity.ts',
    './src/schema/api-rate-limit.ts',
    './src/schema/two-factor.ts',
  ],
  out: './drizzle',
  casing: 'snake_case',
})
