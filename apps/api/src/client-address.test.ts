import type { FastifyInstance } from 'fastify'
import { afterEach, expect, test } from 'vitest'
import { buildApp } from './app'
import { loadConfig } from './config'

/**
 * The client address in the api's logs (docs/decisions/0202, 0501): X-Forwarded-For is believed
 * only from a proxy listed in TRUSTED_PROXIES; otherwise the socket's address is the client's.
 */

let app: FastifyInstance | undefined
afterEach(async () => {
  await app?.close()
})

async function loggedAddress(
  env: Record<string, string>,
  remoteAddress: string,
  forwardedFor: string,
): Promise<string | undefined> {
  const lines: string[] = []
  app = await buildApp({
    config: loadConfig({
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
      LOG_LEVEL: 'info',
      ...env,
    }),
    jwksSource: async () => ({ keys: [] }),
    logStream: { write: (line) => void lines.push(line) },
  })
  await app.inject({
    method: 'GET',
    url: '/health',
    remoteAddress,
    headers: { 'x-forwarded-for': forwardedFor },
  })
  const completed = lines
    .map((line) => JSON.parse(line) as { msg?: string; req?: { remoteAddress?: string } })
    .find((line) => line.msg === 'request completed')
  return completed?.req?.remoteAddress
}

test('without TRUSTED_PROXIES a forged X-Forwarded-For is ignored: the socket is the client', async () => {
  expect(await loggedAddress({}, '198.51.100.7', '203.0.113.9')).toBe('198.51.100.7')
})

test('from a trusted proxy, the address it forwarded is the client', async () => {
  expect(await loggedAddress({ TRUSTED_PROXIES: '127.0.0.1' }, '127.0.0.1', '203.0.113.9')).toBe(
    '203.0.113.9',
  )
})

test('from anyone else, the header is not believed even with proxies configured', async () => {
  expect(await loggedAddress({ TRUSTED_PROXIES: '127.0.0.1' }, '198.51.100.7', '203.0.113.9')).toBe(
    '198.51.100.7',
  )
})
