import net from 'node:net'
import { expect, test } from 'vitest'
import { buildApp } from '../../app'
import { loadConfig } from '../../config'

test('a request that arrives while the api drains is a 503 problem with Retry-After', async () => {
  const app = await buildApp({
    // Never connected to.
    config: loadConfig({
      DATABASE_URL: 'postgres://taskwise@127.0.0.1:1/unused',
      LOG_LEVEL: 'silent',
    }),
    jwksSource: async () => ({ keys: [] }),
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as net.AddressInfo
  const socket = net.connect(port, '127.0.0.1')
  await new Promise((resolve) => socket.once('connect', resolve))
  let received = ''
  socket.on('data', (chunk: Buffer) => (received += chunk.toString()))

  // A request in flight (its body half sent) keeps the server draining; the one pipelined
  // behind it arrives after close() has begun.
  socket.write(
    'POST /nowhere HTTP/1.1\r\nHost: api\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{',
  )
  await new Promise((resolve) => setTimeout(resolve, 100))
  const closed = app.close()
  await new Promise((resolve) => setTimeout(resolve, 100))
  socket.write('}GET /health HTTP/1.1\r\nHost: api\r\n\r\n')
  // The server ends the connection after its 503 (Connection: close).
  await new Promise((resolve) => socket.once('close', resolve))
  await closed

  const answers = received.split(/(?=HTTP\/1\.1 )/)
  expect(answers[0]).toMatch(/^HTTP\/1\.1 404 /)
  const draining = answers[1] ?? ''
  expect(draining).toMatch(/^HTTP\/1\.1 503 /)
  expect(draining).toMatch(/\r\ncontent-type: application\/problem\+json/i)
  expect(draining).toMatch(/\r\nretry-after: \d+\r\n/i)
  expect(draining).toMatch(/\r\nconnection: close\r\n/i)
  expect(JSON.parse(draining.slice(draining.indexOf('\r\n\r\n') + 4))).toMatchObject({
    status: 503,
    code: 'service_unavailable',
  })
})
