/**
 * Route handlers the web server may call without Next's router
 * (docs/decisions/0322-sign-in-without-next-router.md). A route module registers its handler when
 * Next loads it; the web server (src/web-server/direct-route.ts) finds it here and serves the
 * route's later requests itself. The table lives on globalThis under a registered symbol because
 * the route module is Next's bundled copy and the web server is another module graph: one table,
 * one copy of the handler and of everything it holds (the auth instance, its pool).
 */

export type DirectHandler = (request: Request) => Promise<Response>

const TABLE = Symbol.for('taskwise.directRoutes')

type Holder = typeof globalThis & { [TABLE]?: Map<string, DirectHandler> }

function table(): Map<string, DirectHandler> {
  const holder = globalThis as Holder
  holder[TABLE] ??= new Map()
  return holder[TABLE]
}

/** Makes `handler` the one the web server calls for `method path` (an exact path, no query). */
export function registerDirectRoute(method: string, path: string, handler: DirectHandler): void {
  table().set(`${method} ${path}`, handler)
}

/** The registered handler for `method path`, if its module has been loaded. */
export function directRouteFor(method: string, path: string): DirectHandler | undefined {
  return table().get(`${method} ${path}`)
}
