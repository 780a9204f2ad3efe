import { verifyAccessTokenExpiry, type TokenIdentity } from '@taskwise/contracts/access-token'
import type { KeyStore } from './key-store'

/**
 * The api's token verification, with the answers for tokens seen before remembered in process
 * (docs/decisions/0316-verified-token-cache.md). A token is remembered only after it passed
 * `verifyAccessToken` (packages/contracts) in full, keyed by the whole token string, and only:
 *
 * - until its `exp` (without the clock tolerance: after `exp` it is verified afresh, which still
 *   allows the tolerance), never longer;
 * - while the key set is the one it was verified against: when a fetch brings a different set
 *   (a rotation, a removed key), every remembered token is verified afresh;
 * - up to `maxEntries` tokens at once, the oldest forgotten first.
 *
 * Refusals are not remembered. The session check (revocation) and the CSRF check run on every
 * request after this, cached or not.
 */

export interface TokenVerifierOptions {
  keyStore: KeyStore
  /** The only accepted `iss`. */
  issuer: string
  /** Most tokens remembered at once (default 10,000). */
  maxEntries?: number
}

export interface TokenVerifier {
  /** The identity of a valid token; throws what `verifyAccessToken` (packages/contracts) throws. */
  verify(token: string): Promise<TokenIdentity>
  /** How many tokens are remembered now (for tests). */
  size(): number
}

interface Remembered {
  identity: TokenIdentity
  /** The token's `exp`, in ms. */
  untilMs: number
}

export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const { keyStore, issuer } = options
  const maxEntries = options.maxEntries ?? 10_000
  const remembered = new Map<string, Remembered>()
  let generation = 0

  return {
    async verify(token) {
      // The key set may be due a refresh even when no token needs a key (all are remembered).
      keyStore.refreshIfStale()
      // Every entry was verified against the key set of `generation`: a new set empties the map.
      const current = keyStore.generation()
      if (current !== generation) {
        remembered.clear()
        generation = current
      }
      const entry = remembered.get(token)
      if (entry && entry.untilMs > Date.now()) return entry.identity

      const { identity, expiresAtMs } = await verifyAccessTokenExpiry(
        token,
        keyStore.getKey,
        issuer,
      )
      // Remembered only if no fetch replaced the key set during the check (then the next request
      // checks it again against the new set). A token within the clock tolerance past its `exp`
      // is remembered until a moment already gone: the next request verifies it afresh.
      if (keyStore.generation() === current) {
        remembered.delete(token)
        remembered.set(token, { identity: Object.freeze(identity), untilMs: expiresAtMs })
        // A Map keeps insertion order: its first key is the oldest entry.
        if (remembered.size > maxEntries)
          remembered.delete(remembered.keys().next().value as string)
      }
      return identity
    },
    size: () => remembered.size,
  }
}
