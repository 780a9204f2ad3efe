import { text } from 'node:stream/consumers'
import { createKeyStore, httpJwksSource } from '../../../apps/api/src/auth/key-store'
import { verifyAccessToken } from '../../../apps/api/src/auth/verify-token'
import type { VerifyResult, VerifySpec } from './verify'
import { summarize } from './stats'

/**
 * Token verification in process, in a process of its own: the api's own key store (loaded once
 * from the running web app's JWKS, as the api does) and the api's own verify function, on a real
 * token the web app issued at sign-up. One verification at a time, each timed.
 */

const spec = JSON.parse(await text(process.stdin)) as VerifySpec
const keyStore = createKeyStore({ source: httpJwksSource(spec.jwksUrl) })

const identity = await verifyAccessToken(spec.token, keyStore.getKey, spec.issuer)
if (identity.userId !== spec.expectedUserId)
  throw new Error('verify: the token verified to the wrong user')

for (let i = 0; i < spec.warmup; i += 1)
  await verifyAccessToken(spec.token, keyStore.getKey, spec.issuer)

const samples = new Array<number>(spec.iterations)
const started = process.hrtime.bigint()
for (let i = 0; i < spec.iterations; i += 1) {
  const before = process.hrtime.bigint()
  await verifyAccessToken(spec.token, keyStore.getKey, spec.issuer)
  samples[i] = Number(process.hrtime.bigint() - before) / 1e6
}
const totalMs = Number(process.hrtime.bigint() - started) / 1e6

const result: VerifyResult = {
  iterations: spec.iterations,
  opsPerSecond: spec.iterations / (totalMs / 1000),
  latencyMs: summarize(samples),
  keyFetches: keyStore.fetchCount(),
}
process.stdout.write(`${JSON.stringify(result)}\n`)
