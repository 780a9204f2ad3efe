import { summarize, type LatencySummary } from './stats'

/**
 * How long `POST /api/auth/forgot-password` takes for an address with an account and for one
 * without: the two must not be told apart by time (issue 9). Requests alternate between the two
 * kinds, one at a time, so both see the same machine; each address is asked once (the per-address
 * limit would otherwise answer 429).
 */

export interface ResetTiming {
  requests: number
  known: LatencySummary
  unknown: LatencySummary
  /** Median for a known address over the median for an unknown one. */
  medianRatio: number
}

async function timeOne(webUrl: string, email: string): Promise<number> {
  const started = performance.now()
  const response = await fetch(`${webUrl}/api/auth/forgot-password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: webUrl },
    body: JSON.stringify({ email }),
  })
  await response.arrayBuffer()
  const elapsed = performance.now() - started
  if (response.status !== 202)
    throw new Error(`bench: forgot-password answered ${response.status} for one address`)
  return elapsed
}

export async function measureResetTiming(
  webUrl: string,
  knownEmails: readonly string[],
  unknownEmail: (index: number) => string,
): Promise<ResetTiming> {
  const known: number[] = []
  const unknown: number[] = []
  // A few of each first, not counted: the first requests compile and warm caches.
  for (let index = 0; index < 3; index += 1) await timeOne(webUrl, unknownEmail(-1 - index))
  for (const [index, email] of knownEmails.entries()) {
    // Alternate which kind goes first, so neither always follows the other.
    if (index % 2 === 0) {
      known.push(await timeOne(webUrl, email))
      unknown.push(await timeOne(webUrl, unknownEmail(index)))
    } else {
      unknown.push(await timeOne(webUrl, unknownEmail(index)))
      known.push(await timeOne(webUrl, email))
    }
  }
  const knownSummary = summarize(known)
  const unknownSummary = summarize(unknown)
  return {
    requests: known.length + unknown.length,
    known: knownSummary,
    unknown: unknownSummary,
    medianRatio: knownSummary.p50 / unknownSummary.p50,
  }
}
