import { randomUUID } from 'node:crypto'
import { createTestDatabase, type TestDatabase } from '@taskwise/db/testing'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { freePort, startWebProcess, type WebProcess } from './testing/web-process'

/**
 * The headers every answer of the web server carries, pages or not, and HSTS when the public
 * address is https (the TLS ends at a proxy in front; docs/decisions/0521-security-headers.md).
 */

let database: TestDatabase
let web: WebProcess

beforeAll(async () => {
  database = await createTestDatabase()
  const port = await freePort()
  web = await startWebProcess({
    DATABASE_URL: database.url,
    BETTER_AUTH_URL: `https://localhost:${port}`,
    API_URL: `http://127.0.0.1:${await freePort()}`,
  })
})

afterAll(async () => {
  await web?.stop()
  await database?.drop()
})

test('under an https address every answer asks for https from now on, and is hardened', async () => {
  const answers = await Promise.all([
    fetch(`http://127.0.0.1:${web.port}/login`),
    fetch(`http://127.0.0.1:${web.port}/api/auth/me`),
    fetch(`http://127.0.0.1:${web.port}/api/${randomUUID()}/tasks`),
  ])
  expect(answers.map((answer) => answer.status)).toEqual([200, 401, 503])
  for (const answer of answers) {
    expect(answer.headers.get('strict-transport-security')).toBe(
      'max-age=63072000; includeSubDomains',
    )
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff')
    expect(answer.headers.get('x-frame-options')).toBe('DENY')
    expect(answer.headers.get('permissions-policy')).toContain('geolocation=()')
  }
  expect(answers[0]?.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
})
