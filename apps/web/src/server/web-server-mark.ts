/**
 * The web server (src/web-server) marks the process before Next loads, so that the app can tell
 * when it was started some other way (`next start`), where clients could set the header that
 * carries their address (docs/decisions/0520-web-server.md). Same process, same global object.
 */
const MARK = Symbol.for('taskwise.web-server')

export function markServedByWebServer(): void {
  ;(globalThis as Record<symbol, unknown>)[MARK] = true
}

export function isServedByWebServer(): boolean {
  return (globalThis as Record<symbol, unknown>)[MARK] === true
}
