import http from 'node:http'
import { type AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { loadWebConfig } from '../server/config'
import { CLIENT_ADDRESS_HEADER } from '../server/http/client-address-header'
import { registerDirectRoute } from '../server/http/direct-routes'
import { createWebServer, type WebServer } from './web-server'

/**
 * A registered route is served by the web server itself, past Next's handler, after the same
 * client-address and security-header work as every request (docs/decisions/0322).
 */

const PATH = '/test/direct-route'
const seen: { method: string; url: string; body: string; headers: Headers }[] = []
let web: WebServer
let base: string

beforeAll(async () => {
  web = createWebServer(
    loadWebConfig({
      NODE_ENV: 'test',
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
    }),
  )
  web.setHandler((_request, response) => {
    response.writeHead(299, { 'content-type': 'text/plain' }).end('next')
  })
  registerDirectRoute('POST', PATH, async (request) => {
    if (request.headers.get('x-fail') === 'yes') throw new Error('boom')
    seen.push({
      method: request.method,
      url: request.url,
      body: await request.text(),
      headers: request.headers,
    })
    const headers = new Headers({ 'content-type': 'application/json', 'cache-control': 'no-store' })
    headers.append('set-cookie', 'a=1; Path=/; HttpOnly')
    headers.append('set-cookie', 'b=2; Path=/; HttpOnly')
    return new Response(JSON.stringify({ ok: true }), { status: 201, headers })
  })
  await new Promise<void>((resolve) => web.server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(web.server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await web?.drain(1_000)
})

test('a registered route gets the request, with the resolved client address, and its answer goes back whole', async () => {
  const response = await fetch(`${base}${PATH}?x=1`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': '198.51.100.7',
      [CLIENT_ADDRESS_HEADER]: '203.0.113.9',
    },
    body: '{"email":"a@example.com"}',
  })
  expect(response.status).toBe(201)
  expect(await response.json()).toEqual({ ok: true })
  expect(response.headers.getSetCookie()).toEqual([
    'a=1; Path=/; HttpOnly',
    'b=2; Path=/; HttpOnly',
  ])
  expect(response.headers.get('cache-control')).toBe('no-store')
  expect(response.headers.get('x-frame-options')).toBe('DENY')
  const [request] = seen.splice(0)
  expect(request?.method).toBe('POST')
  // The app's own origin (BETTER_AUTH_URL), whatever the Host header said.
  expect(request?.url).toBe(`http://localhost:3000${PATH}?x=1`)
  expect(request?.body).toBe('{"email":"a@example.com"}')
  // The client's own address headers are gone; the socket's address is the one passed on.
  expect(request?.headers.get('x-forwarded-for')).toBeNull()
  expect(request?.headers.get(CLIENT_ADDRESS_HEADER)).toBe('127.0.0.1')
})

test('a Host header that is no host at all does not matter (autocannon sends undefined:undefined)', async () => {
  const status = await new Promise<number | undefined>((resolve, reject) => {
    const request = http.request(`${base}${PATH}`, {
      method: 'POST',
      headers: { host: 'undefined:undefined', 'content-type': 'application/json' },
    })
    request.once('response', (response) => {
      response.resume()
      resolve(response.statusCode)
    })
    request.once('error', reject)
    request.end('{}')
  })
  expect(status).toBe(201)
  expect(seen.splice(0).map((request) => request.url)).toEqual([`http://localhost:3000${PATH}`])
})

test('another method or path goes to Next', async () => {
  const answers = await Promise.all([
    fetch(`${base}${PATH}`),
    fetch(`${base}${PATH}/`, { method: 'POST', body: '{}' }),
  ])
  expect(answers.map((answer) => answer.status)).toEqual([299, 299])
  expect(await answers[0]?.text()).toBe('next')
  expect(seen).toEqual([])
})

test('a body past 64 KiB is refused unread, and a handler that throws is a 500 problem', async () => {
  const large = await fetch(`${base}${PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: 'x'.repeat(65 * 1024),
  })
  expect(large.status).toBe(413)
  expect((await large.json()) as unknown).toMatchObject({ code: 'payload_too_large' })
  const failed = await fetch(`${base}${PATH}`, { method: 'POST', headers: { 'x-fail': 'yes' } })
  expect(failed.status).toBe(500)
  expect((await failed.json()) as unknown).toMatchObject({ code: 'internal_error' })
  expect(seen).toEqual([])
})
