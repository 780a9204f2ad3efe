import { getIP } from 'better-auth/api'
import { type WebConfig } from '../config'

/**
 * Where the client's address comes from (docs/decisions/0202-client-ip-trust.md): Better Auth's
 * `advanced.ipAddress` settings, and the same lookup for code outside its endpoints.
 */
export function ipAddressOptions(config: WebConfig) {
  return {
    ipAddressHeaders: [config.clientIp.header],
    ...(config.clientIp.trustedProxies.length > 0
      ? { trustedProxies: config.clientIp.trustedProxies }
      : {}),
  }
}

/** The client address of `request` as the rate limits see it, or null. */
export function clientIpOf(request: Request | undefined, config: WebConfig): string | null {
  if (!request) return null
  return getIP(request, { advanced: { ipAddress: ipAddressOptions(config) } }) ?? null
}
