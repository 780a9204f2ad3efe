import { createServer, connect, type Server, type Socket } from 'node:net'

/**
 * A TCP proxy in front of the test PostgreSQL server, for tests that need the database to go
 * away and come back (or to answer slowly) while the app keeps running.
 */
export interface TcpProxy {
  port: number
  /** Starts accepting connections on `port` again after a stop. */
  start(): Promise<void>
  /** Stops listening and cuts every open connection, like a database restart. */
  stop(): Promise<void>
}

export interface TcpProxyOptions {
  /** Delay every chunk from the client by this long (a slow database). */
  delayMs?: number
}

export async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as { port: number }
  await new Promise((resolve) => probe.close(resolve))
  return port
}

export function createTcpProxy(
  port: number,
  target: { host: string; port: number },
  options: TcpProxyOptions = {},
): TcpProxy {
  const sockets = new Set<Socket>()
  let server: Server | undefined

  function handle(client: Socket) {
    // Accepted while stopping: cut at once, or server.close() would wait for it forever.
    if (!server) {
      client.destroy()
      return
    }
    const upstream = connect(target.port, target.host)
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      socket.on('error', () => {
        client.destroy()
        upstream.destroy()
      })
    }
    client.on('data', (chunk) => {
      if (options.delayMs) setTimeout(() => upstream.write(chunk), options.delayMs)
      else upstream.write(chunk)
    })
    upstream.pipe(client)
    client.on('end', () => upstream.end())
  }

  return {
    port,
    async start() {
      server = createServer(handle)
      await new Promise<void>((resolve, reject) => {
        server?.once('error', reject)
        server?.listen(port, '127.0.0.1', resolve)
      })
    },
    async stop() {
      const closing = server
      server = undefined
      for (const socket of sockets) socket.destroy()
      if (closing) await new Promise((resolve) => closing.close(resolve))
    },
  }
}

/** host and port of a postgres:// URL. */
export function hostAndPort(url: string): { host: string; port: number } {
  const parsed = new URL(url)
  return { host: parsed.hostname, port: Number(parsed.port || 5432) }
}

/** The same URL, through another port on 127.0.0.1. */
export function viaPort(url: string, port: number): string {
  const parsed = new URL(url)
  parsed.hostname = '127.0.0.1'
  parsed.port = String(port)
  return parsed.toString()
}
