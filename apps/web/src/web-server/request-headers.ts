import type { IncomingHttpHeaders } from 'node:http'
import { CLIENT_ADDRESS_HEADER } from '../server/http/client-address-header'

/**
 * Headers that speak for a proxy: whatever a client sent under these names is dropped before the
 * request reaches Next or the api, so nothing downstream can be told who the client is except by
 * the web server (docs/decisions/0520-web-server.md).
 */
const FORWARDING_HEADERS = [
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-port',
  'x-real-ip',
  CLIENT_ADDRESS_HEADER,
]

/** Drops the forwarding headers (and `extra`, the configured client-address header) and sets ours. */
export function replaceForwardingHeaders(
  headers: IncomingHttpHeaders,
  clientAddress: string | null,
  extra: string,
): void {
  for (const name of FORWARDING_HEADERS) delete headers[name]
  delete headers[extra]
  if (clientAddress) headers[CLIENT_ADDRESS_HEADER] = clientAddress
}
