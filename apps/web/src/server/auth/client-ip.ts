import { getIP } from 'better-auth/api'
import { CLIENT_ADDRESS_HEADER } from '../http/client-address-header'

/**
 * Where the client's address comes from (docs/decisions/0520-web-server.md, which replaces
 * 0202's header rules): the web server resolves it from the socket, or from a trusted proxy's
 * header, and hands it over in one internal header that clients cannot set. Better Auth's
 * `advanced.ipAddress` reads that header, and so does the lookup below for code outside its
 * endpoints. IPv6 addresses are grouped by /64 (Better Auth's default).
 */
export function ipAddressOptions() {
  return { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] }
}

/** The client address of `request` as the rate limits see it, or null. */
export function clientIpOf(request: Request | undefined): string | null {
  if (!request) return null
  return getIP(request, { advanced: { ipAddress: ipAddressOptions() } }) ?? null
}
