import { KeysUnavailableError } from '@taskwise/contracts/access-token'
import {
  createLocalJWKSet,
  errors,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
  type LocalJWKSet,
} from 'jose'

/**
 * The web app's public keys, cached in process. Like jose's createRemoteJWKSet, but a failed
 * refresh never fails a request whose key is already cached:
 *
 * - the first request loads the key set (concurrent requests share that one fetch);
 * - after `maxAgeMs` the set is refreshed in the background while the cached keys keep serving;
 * - a token whose `kid` is unknown triggers a refetch (a key rotation), at most once per
 *   `cooldownMs`, so a flood of made-up `kid`s cannot turn into a flood of fetches;
 * - if the set has never loaded, verification fails with {@link KeysUnavailableError} (a 503:
 *   the token may be fine, the api just cannot tell yet).
 */

/** Where the key set comes from: the JWKS endpoint in production, a local set in tests. */
export type JwksSource = () => Promise<JSONWebKeySet>

export interface KeyStoreOptions {
  source: JwksSource
  /** Age after which the set is refreshed in the background (default 10 minutes). */
  maxAgeMs?: number
  /** Least time between two fetches caused by unknown `kid`s (default 30 s). */
  cooldownMs?: number
  /** Told about a failed fetch; the cached keys stay in use. */
  onFetchError?: (error: unknown) => void
  now?: () => number
}

export interface KeyStore {
  getKey: JWTVerifyGetKey
  /**
   * A number that changes whenever a fetch brings a key set different from the one before (the
   * first load included): what a cache of verified tokens checks before trusting an entry.
   */
  generation(): number
  /** Starts the background refresh when the set is older than `maxAgeMs` (as `getKey` does). */
  refreshIfStale(): void
  /** How many times the source has been asked (for tests and metrics). */
  fetchCount(): number
}

export function createKeyStore(options: KeyStoreOptions): KeyStore {
  const maxAgeMs = options.maxAgeMs ?? 10 * 60_000
  const cooldownMs = options.cooldownMs ?? 30_000
  const now = options.now ?? Date.now
  const onFetchError = options.onFetchError ?? (() => {})

  let local: LocalJWKSet | undefined
  let fetchedAt = 0
  let lastAttemptAt = Number.NEGATIVE_INFINITY
  let inFlight: Promise<void> | undefined
  let fetches = 0
  let fingerprint: string | undefined
  let generation = 0

  function load(): Promise<void> {
    inFlight ??= (async () => {
      lastAttemptAt = now()
      fetches += 1
      try {
        const jwks = await options.source()
        local = createLocalJWKSet(jwks) // validates the shape; throws JWKSInvalid on junk
        fetchedAt = now()
        const fetched = JSON.stringify(jwks.keys)
        if (fetched !== fingerprint) {
          fingerprint = fetched
          generation += 1
        }
      } catch (error) {
        onFetchError(error)
        throw error
      } finally {
        inFlight = undefined
      }
    })()
    return inFlight
  }

  function refreshIfStale(): void {
    if (local && now() - fetchedAt > maxAgeMs && !inFlight) {
      load().catch(() => {}) // stale-while-revalidate; the failure is reported through onFetchError
    }
  }

  const getKey: JWTVerifyGetKey = async (header, token) => {
    if (!local) {
      try {
        await load()
      } catch (error) {
        throw new KeysUnavailableError('The signing keys could not be fetched', { cause: error })
      }
    }
    refreshIfStale()
    const current = local as LocalJWKSet
    try {
      return await current(header, token)
    } catch (error) {
      const unknownKid = error instanceof errors.JWKSNoMatchingKey
      if (!unknownKid || now() - lastAttemptAt < cooldownMs) throw error
      // A failed refetch is reported through onFetchError; the kid stays unknown, and the
      // lookup below refuses it as before.
      await (inFlight ?? load()).catch(() => {})
      return (local as LocalJWKSet)(header, token)
    }
  }

  return {
    getKey,
    generation: () => generation,
    refreshIfStale,
    fetchCount: () => fetches,
  }
}

/** Fetches the key set over HTTP, with a timeout, refusing redirects and non-JSON answers. */
export function httpJwksSource(url: string, timeoutMs = 3_000): JwksSource {
  return async () => {
    const response = await fetch(url, {
      headers: { accept: 'application/json' },
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    })
    if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`)
    // Any JSON: null, a string, an object without a `keys` array all fail the one check.
    const body = (await response.json()) as { keys?: unknown } | null
    if (!Array.isArray(body?.keys)) throw new Error(`GET ${url} did not answer a JSON Web Key Set`)
    return body as JSONWebKeySet
  }
}
