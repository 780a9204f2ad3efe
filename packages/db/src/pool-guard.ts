import type pg from 'pg'

/**
 * Gives a checked-out client back to the pool when its connection is lost, whoever holds it.
 *
 * drizzle-orm's `transaction()` on a pool checks a client out and sends `begin` before its `try`,
 * so when the connection drops between the two, nobody ever releases that client: each such cut
 * would take one connection from the pool for good, and after `max` of them every request would
 * wait and get 503 until the process restarted. Here a client whose connection ends while it is
 * checked out is released with the error (the pool then discards it), and a later `release()` by
 * its holder is a no-op instead of node-postgres' "Release called on client which has already been
 * released" error, which would hide the real one.
 */
export function releaseLostClients(pool: pg.Pool): void {
  const connect = pool.connect.bind(pool) as (
    callback?: (error: Error | undefined, client?: pg.PoolClient, done?: () => void) => void,
  ) => Promise<pg.PoolClient> | undefined
  const guarded = (
    callback?: (
      error: Error | undefined,
      client?: pg.PoolClient,
      done?: (error?: Error) => void,
    ) => void,
  ) => {
    if (typeof callback === 'function') {
      connect((error, client) => {
        if (error || !client) return callback(error, client, () => {})
        guard(client)
        callback(undefined, client, client.release)
      })
      return undefined
    }
    return (connect() as Promise<pg.PoolClient>).then((client) => {
      guard(client)
      return client
    })
  }
  pool.connect = guarded as typeof pool.connect
}

function guard(client: pg.PoolClient): void {
  const release = client.release
  let released = false
  const lost = (error?: Error) => client.release(error ?? new Error('Connection terminated'))
  client.once('end', lost)
  client.once('error', lost)
  client.release = (error?: Error | boolean) => {
    if (released) return
    released = true
    client.removeListener('end', lost)
    client.removeListener('error', lost)
    release(error)
  }
}
