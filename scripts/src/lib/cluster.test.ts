import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createTestDatabase, type TestDatabase } from '@taskwise/db/testing'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { clusterPorts, startCluster, type Cluster } from './cluster'
import { readSettings } from './settings'

/**
 * The nginx cluster: two api and two web instances on one database, behind nginx. Task routes go
 * to the api instances, the rest to the web instances, and the limits hold across instances.
 * Its ports: SOAK_PORT + 10 and the four after it.
 */

const PER_IP = 4
const PER_ACCOUNT = 2
const PER_USER = 5

let database: TestDatabase
let cluster: Cluster
let runDir: string

beforeAll(async () => {
  database = await createTestDatabase()
  runDir = mkdtempSync(path.join(tmpdir(), 'taskwise-cluster-'))
  cluster = await startCluster({
    settings: readSettings({
      ...process.env,
      TASKWISE_DATA_DIR: runDir,
      BETTER_AUTH_SECRET: randomBytes(32).toString('base64url'),
      SMTP_URL: '',
    }),
    databaseUrl: database.url,
    ports: clusterPorts(readSettings().SOAK_PORT + 10),
    runDir: path.join(runDir, 'nginx'),
    env: {
      AUTH_RATE_LIMIT_MAX: String(PER_IP),
      AUTH_LOCKOUT_MAX_FAILURES: String(PER_ACCOUNT),
      API_RATE_LIMIT_MAX: String(PER_USER),
      LOG_LEVEL: 'warn',
    },
  })
})

afterAll(async () => {
  await cluster?.stop()
  await database?.drop()
  rmSync(runDir, { recursive: true, force: true })
})

const post = (url: string, body: unknown, cookie = '') =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: cluster.origin, cookie },
    body: JSON.stringify(body),
  })

/** The instance ports that answered requests to `pathPrefix`, from nginx's access log. */
function portsServing(pathPrefix: string): Set<string> {
  const ports = cluster.proxy
    .accessLog()
    .filter((line) => line.includes(`"${pathPrefix}`) || line.includes(` ${pathPrefix}`))
    .flatMap((line) => (line.split(' ').at(-2) ?? '').split(', '))
    .map((address) => address.split(':')[1] ?? '')
  return new Set(ports)
}

test('sign-ups, sign-ins and lockouts through both web instances count against one limit; task routes go to the api instances', async () => {
  const password = `Cluster-${randomBytes(6).toString('hex')}-1!`
  const emails = Array.from(
    { length: PER_IP + 1 },
    (_, index) => `c${index}-${randomBytes(4).toString('hex')}@example.com`,
  )
  const signUps = []
  for (const email of emails) {
    signUps.push(await post(`${cluster.url}/api/auth/register`, { email, password }))
  }
  expect(signUps.map((response) => response.status)).toEqual([201, 201, 201, 201, 429])
  expect(Number(signUps[PER_IP]?.headers.get('retry-after'))).toBeGreaterThan(0)
  expect(portsServing('POST /api/auth/register')).toEqual(
    new Set(cluster.webs.map((web) => String(web.port))),
  )

  // Wrong passwords for one account, alternating instances: the lockout is shared …
  const login = (email: string, pass: string) =>
    post(`${cluster.url}/api/auth/login`, { email, password: pass })
  const [first = '', second = ''] = emails
  const statuses = []
  for (let attempt = 0; attempt <= PER_ACCOUNT; attempt += 1) {
    statuses.push((await login(first, 'Wrong-Password-1')).status)
  }
  expect(statuses).toEqual([401, 401, 429])
  // … and so is the per-IP count: the fourth sign-in passes, the fifth is refused.
  const signedIn = await login(second, password)
  expect(signedIn.status).toBe(200)
  const limited = await login(second, password)
  expect(limited.status).toBe(429)
  expect(await limited.json()).toMatchObject({ code: 'rate_limited' })

  // The per-user api limit, across both api instances, reached straight through nginx.
  const { user } = (await signUps[1]?.json()) as { user: { id: string } }
  const cookie = (signUps[1]?.headers.getSetCookie() ?? [])
    .map((line) => line.split(';')[0])
    .join('; ')
  const answers = []
  for (let request = 0; request <= PER_USER; request += 1) {
    answers.push(await fetch(`${cluster.url}/api/${user.id}/tasks`, { headers: { cookie } }))
  }
  expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 429])
  expect(answers[PER_USER]?.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  expect(Number(answers[PER_USER]?.headers.get('retry-after'))).toBeGreaterThan(0)
  const taskPorts = portsServing(`GET /api/${user.id}/tasks`)
  expect(taskPorts).toEqual(new Set(cluster.apis.map((api) => String(api.port))))
})
