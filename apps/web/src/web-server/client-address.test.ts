import { describe, expect, test } from 'vitest'
import { clientAddressResolver, plainAddress } from './client-address'

const direct = clientAddressResolver({ header: 'x-forwarded-for', trustedProxies: [] })
const behindProxy = clientAddressResolver({
  header: 'x-forwarded-for',
  trustedProxies: ['127.0.0.1', '10.0.0.0/8', '::1'],
})

describe('with no trusted proxy', () => {
  test('the address is the socket peer, whatever X-Forwarded-For says', () => {
    expect(direct('203.0.113.7', '198.51.100.1')).toBe('203.0.113.7')
    expect(direct('203.0.113.7', '198.51.100.1, 198.51.100.2')).toBe('203.0.113.7')
    expect(direct('203.0.113.7', undefined)).toBe('203.0.113.7')
  })

  test('a loopback peer is not a proxy either unless listed', () => {
    expect(direct('127.0.0.1', '198.51.100.1')).toBe('127.0.0.1')
  })

  test('an IPv4 peer of a dual-stack socket is given as plain IPv4', () => {
    expect(direct('::ffff:203.0.113.7', undefined)).toBe('203.0.113.7')
    expect(plainAddress('2001:db8::1')).toBe('2001:db8::1')
  })

  test('no socket address (a destroyed socket) gives no address', () => {
    expect(direct(undefined, '198.51.100.1')).toBeNull()
  })
})

describe('behind a trusted proxy', () => {
  test("the proxy's X-Forwarded-For names the client: the right-most untrusted address", () => {
    expect(behindProxy('127.0.0.1', '198.51.100.1')).toBe('198.51.100.1')
    // A client-sent value on the left is ignored: the proxy appended the real peer.
    expect(behindProxy('127.0.0.1', '6.6.6.6, 198.51.100.1')).toBe('198.51.100.1')
    // Proxies in a chain (10.x) are skipped from the right.
    expect(behindProxy('::ffff:127.0.0.1', '6.6.6.6, 198.51.100.1, 10.1.2.3')).toBe('198.51.100.1')
    expect(behindProxy('::1', ['198.51.100.1', '10.0.0.2'])).toBe('198.51.100.1')
  })

  test('a request straight from a client that is not a proxy keeps its socket address', () => {
    expect(behindProxy('203.0.113.7', '198.51.100.1')).toBe('203.0.113.7')
  })

  test('with no header, or a broken one, the proxy itself is the client', () => {
    expect(behindProxy('127.0.0.1', undefined)).toBe('127.0.0.1')
    expect(behindProxy('127.0.0.1', 'unknown')).toBe('127.0.0.1')
  })

  test('a chain of trusted proxies only gives its left-most address', () => {
    expect(behindProxy('127.0.0.1', '10.0.0.5, 10.0.0.6')).toBe('10.0.0.5')
  })

  test('another header (CLIENT_IP_HEADER) holds exactly one address, set by the proxy', () => {
    const realIp = clientAddressResolver({ header: 'x-real-ip', trustedProxies: ['127.0.0.1'] })
    expect(realIp('127.0.0.1', '198.51.100.1')).toBe('198.51.100.1')
    expect(realIp('127.0.0.1', '198.51.100.1, 6.6.6.6')).toBe('127.0.0.1')
    expect(realIp('203.0.113.7', '198.51.100.1')).toBe('203.0.113.7')
  })

  test('IPv6 proxies and ranges are matched as well', () => {
    const v6 = clientAddressResolver({ header: 'x-forwarded-for', trustedProxies: ['fd00::/8'] })
    expect(v6('fd00::1', '2001:db8::7, fd00::2')).toBe('2001:db8::7')
    expect(v6('2001:db8::9', '2001:db8::7')).toBe('2001:db8::9')
  })
})
