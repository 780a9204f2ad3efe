import { performance } from 'node:perf_hooks'
import { text } from 'node:stream/consumers'
import autocannon, {
  type AutocannonOptions,
  type AutocannonRequest,
  type AutocannonResult,
} from 'autocannon'
import type { LoadResult, LoadSpec } from './load'
import { summarize } from './stats'

/**
 * The load generator: reads a LoadSpec as JSON on stdin, runs autocannon, prints a LoadResult as
 * one JSON line. Every response time is kept (autocannon's own histogram has no p95 and rounds
 * to whole milliseconds).
 */

async function fire(spec: LoadSpec, durationSeconds: number | undefined): Promise<LoadResult> {
  const samples: number[] = []
  const statuses: Record<string, number> = {}
  const failures: string[] = []
  let next = 0

  const options: AutocannonOptions = {
    url: spec.url,
    connections: spec.connections,
    timeout: spec.timeoutSeconds ?? 30,
  }
  if (spec.mode === 'once') {
    const handOut = (): AutocannonRequest => {
      // A connection that reconnects may ask for more than its share: wrap around (the repeated
      // request is then counted as the error it causes, never hidden).
      const request = spec.requests[next % spec.requests.length]
      next += 1
      return { ...request }
    }
    options.amount = spec.requests.length
    options.requests = [{ setupRequest: () => handOut() }]
  } else {
    options.duration = durationSeconds
    options.requests = spec.requests.map((request) => ({ ...request }))
  }

  const started = performance.now()
  let lastResponse = started
  const result = await new Promise<AutocannonResult>((resolve, reject) => {
    const instance = autocannon(options, (error, finished) =>
      error ? reject(error) : resolve(finished),
    )
    instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
      lastResponse = performance.now()
      samples.push(responseTimeMs)
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1
      if ((statusCode < 200 || statusCode > 299) && failures.length < 5)
        failures.push(`HTTP ${statusCode}`)
    })
  })
  // With no response at all, the run lasted until autocannon gave up.
  const wallMs = (samples.length > 0 ? lastResponse : performance.now()) - started
  const non2xx = Object.entries(statuses)
    .filter(([status]) => !status.startsWith('2'))
    .reduce((sum, [, count]) => sum + count, 0)
  // autocannon counts a timeout among its errors; in `once` mode, a request that never got an
  // answer is an error too, however autocannon counted it.
  const unanswered = spec.mode === 'once' ? spec.requests.length - (samples.length - non2xx) : 0
  return {
    responses: samples.length,
    wallMs,
    requestsPerSecond: wallMs > 0 ? samples.length / (wallMs / 1000) : 0,
    latencyMs: summarize(samples),
    statuses,
    errors: Math.max(result.errors + non2xx, unanswered),
    failures,
  }
}

const spec = JSON.parse(await text(process.stdin)) as LoadSpec
if (spec.mode === 'cycle' && spec.warmupSeconds) await fire(spec, spec.warmupSeconds)
const result = await fire(spec, spec.durationSeconds ?? 10)
process.stdout.write(`${JSON.stringify(result)}\n`)
