import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createTestApi, type TestApi } from '../testing/harness'
import { createTcpProxy, freePort, hostAndPort, viaPort, type TcpProxy } from '../testing/tcp-proxy'

describe('GET /health and GET /ready', () => {
  let api: TestApi
  beforeAll(async () => {
    api = await createTestApi()
  })
  afterAll(async () => {
    await api?.close()
  })

  test('/health answers 200 without a token', async () => {
    const response = await api.app.inject({ method: 'GET', url: '/health' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ status: 'ok' })
  })

  test('/ready answers 200 without a token when the database answers', async () => {
    const response = await api.app.inject({ method: 'GET', url: '/ready' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ status: 'ready' })
  })
})

describe('GET /ready while the database goes away and comes back, in one process', () => {
  let api: TestApi
  let proxy: TcpProxy | undefined

  beforeAll(async () => {
    const port = await freePort()
    // The app reaches its database only through a proxy on `port`, which is not running yet.
    api = await createTestApi({
      appDatabaseUrl: (url) => {
        proxy = createTcpProxy(port, hostAndPort(url))
        return viaPort(url, port)
      },
    })
  })

  afterAll(async () => {
    await proxy?.stop()
    await api?.close()
  })

  const ready = () => api.app.inject({ method: 'GET', url: '/ready' })

  test('answers 503 with Retry-After while unreachable, then 200 once it is back, and again after a restart', async () => {
    const down = await ready()
    expect(down.statusCode).toBe(503)
    expect(down.headers['retry-after']).toBe('5')
    expect(down.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(down.json()).toMatchObject({ status: 503, code: 'database_unavailable' })

    await proxy?.start()
    expect((await ready()).statusCode).toBe(200)

    // A database restart: every connection is cut, and nothing listens for a moment.
    await proxy?.stop()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect((await ready()).statusCode).toBe(503)

    await proxy?.start()
    expect((await ready()).statusCode).toBe(200)
    expect((await api.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200)
  })
})
