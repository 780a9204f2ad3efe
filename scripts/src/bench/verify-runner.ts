import { KeyObject, verify } from 'node:crypto'
import { text } from 'node:stream/consumers'
import { decodeProtectedHeader } from 'jose'
import { createKeyStore, httpJwksSource } from '../../../apps/api/src/auth/key-store'
import { verifyAccessToken } from '@taskwise/contracts/access-token'
import type { VerifyResult, VerifySpec } from './verify'
import { summarize } from './stats'

/**
 * Token verification in process, in a process of its own: the api's own key store (loaded once
 * from the running web app's JWKS, as the api does) and the api's own verify function, on a real
 * token the web app issued at sign-up. One verification at a time, each timed.
 *
 * Beside it, the same token's Ed25519 signature checked by node:crypto alone (synchronously, no
 * claims): the least any verification can cost on this machine at this moment. The two are timed
 * in alternating blocks, so a burst of load from elsewhere falls on both.
 */

const spec = JSON.parse(await text(process.stdin)) as VerifySpec
const keyStore = createKeyStore({ source: httpJwksSource(spec.jwksUrl) })

const identity = await verifyAccessToken(spec.token, keyStore.getKey, spec.issuer)
if (identity.userId !== spec.expectedUserId)
  throw new Error('verify: the token verified to the wrong user')

const [header, payload, signature] = spec.token.split('.') as [string, string, string]
const { alg } = decodeProtectedHeader(spec.token)
if (!alg) throw new Error('verify: the token names no algorithm')
const key = await keyStore.getKey({ alg }, { payload, signature })
if (key instanceof Uint8Array || !('algorithm' in key && 'usages' in key))
  throw new Error('verify: expected the CryptoKey the api verifies with')
const publicKey = KeyObject.from(key)
const signingInput = Buffer.from(`${header}.${payload}`)
const signatureBytes = Buffer.from(signature, 'base64url')
const signatureAlone = () => {
  if (!verify(null, signingInput, publicKey, signatureBytes))
    throw new Error('verify: node:crypto refused the signature')
}

const full = () => verifyAccessToken(spec.token, keyStore.getKey, spec.issuer)
for (let i = 0; i < spec.warmup; i += 1) {
  await full()
  signatureAlone()
}

const BLOCKS = 10
const perBlock = Math.ceil(spec.iterations / BLOCKS)
const samples: number[] = []
const baseline: number[] = []
let totalMs = 0
let baselineTotalMs = 0
for (let block = 0; block < BLOCKS; block += 1) {
  let started = process.hrtime.bigint()
  for (let i = 0; i < perBlock; i += 1) {
    const before = process.hrtime.bigint()
    await full()
    samples.push(Number(process.hrtime.bigint() - before) / 1e6)
  }
  totalMs += Number(process.hrtime.bigint() - started) / 1e6
  started = process.hrtime.bigint()
  for (let i = 0; i < perBlock; i += 1) {
    const before = process.hrtime.bigint()
    signatureAlone()
    baseline.push(Number(process.hrtime.bigint() - before) / 1e6)
  }
  baselineTotalMs += Number(process.hrtime.bigint() - started) / 1e6
}

const result: VerifyResult = {
  iterations: samples.length,
  opsPerSecond: samples.length / (totalMs / 1000),
  latencyMs: summarize(samples),
  keyFetches: keyStore.fetchCount(),
  signatureOnly: {
    opsPerSecond: baseline.length / (baselineTotalMs / 1000),
    latencyMs: summarize(baseline),
  },
}
process.stdout.write(`${JSON.stringify(result)}\n`)
