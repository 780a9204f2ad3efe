/**
 * The one request header the web app reads the client's address from. Only the web server
 * (src/web-server) writes it: it drops whatever a client sent under this name and sets the
 * address it resolved from the socket or a trusted proxy (docs/decisions/0520-web-server.md).
 */
export const CLIENT_ADDRESS_HEADER = 'x-taskwise-client-ip'
