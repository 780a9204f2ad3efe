import { BlockList, isIP } from 'node:net'

/**
 * Who the client is, as the rate limits and logs see it (docs/decisions/0520-web-server.md).
 * With no trusted proxy the address is the socket's, whatever the request says. When the socket
 * belongs to a trusted proxy, the proxy's header says who the client is: X-Forwarded-For is
 * walked right to left and the first address that is not a trusted proxy wins; any other header
 * (CLIENT_IP_HEADER, such as x-real-ip) is taken as the one address the proxy set.
 */

export interface ClientAddressRules {
  /** The header a trusted proxy puts the client's address in (lower case). */
  header: string
  /** The proxies' addresses or CIDR ranges; empty: no proxy is trusted. */
  trustedProxies: readonly string[]
}

export type ClientAddressResolver = (
  socketAddress: string | undefined,
  headerValue: string | string[] | undefined,
) => string | null

/** `::ffff:127.0.0.1` (an IPv4 peer of a dual-stack socket) → `127.0.0.1`; anything else as is. */
export function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  return mapped?.[1] ?? address
}

function trustList(entries: readonly string[]): BlockList {
  const list = new BlockList()
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/')
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4'
    if (isIP(address) === 0) throw new Error(`TRUSTED_PROXIES: ${entry} is not an IP address`)
    if (prefix === undefined) list.addAddress(address, family)
    else list.addSubnet(address, Number(prefix), family)
  }
  return list
}

function isTrusted(list: BlockList, address: string): boolean {
  const family = isIP(address)
  if (family === 0) return false
  return list.check(address, family === 6 ? 'ipv6' : 'ipv4')
}

/** The resolver for one set of rules (the trust list is built once). */
export function clientAddressResolver(rules: ClientAddressRules): ClientAddressResolver {
  const trusted = trustList(rules.trustedProxies)
  const forwardedFor = rules.header === 'x-forwarded-for'
  return (socketAddress, headerValue) => {
    if (!socketAddress) return null
    const peer = plainAddress(socketAddress)
    if (rules.trustedProxies.length === 0 || !isTrusted(trusted, peer)) return peer
    const value = Array.isArray(headerValue) ? headerValue.join(',') : headerValue
    if (!value) return peer
    const chain = value
      .split(',')
      .map((entry) => plainAddress(entry.trim()))
      .filter(Boolean)
    if (!forwardedFor) {
      // A single-address header: the proxy overwrote it, so it holds exactly one address.
      const [only] = chain
      return chain.length === 1 && only && isIP(only) !== 0 ? only : peer
    }
    for (let index = chain.length - 1; index >= 0; index -= 1) {
      const hop = chain[index] as string
      if (isIP(hop) === 0) return peer // garbage in the chain: trust nothing past the proxy
      if (!isTrusted(trusted, hop)) return hop
    }
    // Every hop is a trusted proxy: the left-most is as far as the chain can be believed.
    return chain[0] ?? peer
  }
}
