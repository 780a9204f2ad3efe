import { KeyObject, verify } from 'node:crypto'
import { text } from 'node:stream/consumers'
import { decodeProtectedHeader } from 'jose'
import { createKeyStore, httpJwksSource } from '../../../apps/api/src/auth/key-store'
import { createTokenVerifier } from '../../../apps/api/src/auth/verified-tokens'
import type { VerifyResult, VerifySpec } from './verify'
import { summarize } from './stats'

/**
 * Token verification in process, in a process of its own: the api's own key store (loaded once
 * from the running web app's JWKS, as the api does) and the api's own verifier, on a real token
 * the web app issued at sign-up. One verification at a time, each timed, three ways:
 *
 * - first sight: a verifier that has remembered nothing (a new one each time), so the full check;
 * - seen before: one verifier that has verified the token already (the api's usual case);
 * - the same token's Ed25519 signature checked by node:crypto alone (synchronously, no claims):
 *   the least any verification can cost on this machine at this moment.
 *
 * They are timed in alternating blocks, so a burst of load from elsewhere falls on all three.
 */

const spec = JSON.parse(await text(process.stdin)) as VerifySpec
const keyStore = createKeyStore({ source: httpJwksSource(spec.jwksUrl) })
const verifierOptions = { keyStore, issuer: spec.issuer }
const remembering = createTokenVerifier(verifierOptions)

// The first call loads the key set, the second remembers the token.
for (let i = 0; i < 2; i += 1) {
  const identity = await remembering.verify(spec.token)
  if (identity.userId !== spec.expectedUserId)
    throw new Error('verify: the token verified to the wrong user')
}
if (remembering.size() !== 1) throw new Error('verify: the api did not remember the token')

const [header, payload, signature] = spec.token.split('.') as [string, string, string]
const { alg } = decodeProtectedHeader(spec.token)
if (!alg) throw new Error('verify: the token names no algorithm')
const key = await keyStore.getKey({ alg }, { payload, signature })
if (key instanceof Uint8Array || !('algorithm' in key && 'usages' in key))
  throw new Error('verify: expected the CryptoKey the api verifies with')
const publicKey = KeyObject.from(key)
const signingInput = Buffer.from(`${header}.${payload}`)
const signatureBytes = Buffer.from(signature, 'base64url')
const signatureAlone = (): void => {
  if (!verify(null, signingInput, publicKey, signatureBytes))
    throw new Error('verify: node:crypto refused the signature')
}
const firstSight = () => createTokenVerifier(verifierOptions).verify(spec.token)
const seenBefore = () => remembering.verify(spec.token)

/** The signature alone is synchronous and timed without an await, as it would run. */
const ways: (() => Promise<unknown> | void)[] = [firstSight, seenBefore, signatureAlone]
for (let i = 0; i < spec.warmup; i += 1) for (const way of ways) await way()

const BLOCKS = 10
const perBlock = Math.ceil(spec.iterations / BLOCKS)
const samples = ways.map(() => [] as number[])
const totalMs = ways.map(() => 0)
for (let block = 0; block < BLOCKS; block += 1) {
  for (const [index, way] of ways.entries()) {
    const started = process.hrtime.bigint()
    for (let i = 0; i < perBlock; i += 1) {
      const before = process.hrtime.bigint()
      const pending = way()
      if (pending) await pending
      samples[index]?.push(Number(process.hrtime.bigint() - before) / 1e6)
    }
    totalMs[index] = (totalMs[index] ?? 0) + Number(process.hrtime.bigint() - started) / 1e6
  }
}
const timing = (index: number) => {
  const taken = samples[index] ?? []
  return {
    opsPerSecond: taken.length / ((totalMs[index] ?? 0) / 1000),
    latencyMs: summarize(taken),
  }
}

const first = timing(0)
const result: VerifyResult = {
  iterations: samples[0]?.length ?? 0,
  ...first,
  seenBefore: timing(1),
  keyFetches: keyStore.fetchCount(),
  signatureOnly: timing(2),
}
if (remembering.size() !== 1) throw new Error('verify: the api forgot the token during the run')
process.stdout.write(`${JSON.stringify(result)}\n`)
