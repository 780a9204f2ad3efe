import type { PGlite } from '@electric-sql/pglite'
import type { PGLiteSocketServer } from '@electric-sql/pglite-socket'

/**
 * pglite-socket serves many connections from PGlite's one session through a queue of protocol
 * messages. It keeps an open transaction's messages together, but not an extended-query batch
 * (Parse, Bind, Describe, Execute … Sync): between one connection's Bind and its Execute, another
 * connection's Sync ends the implicit transaction and drops the unnamed portal, and the first gets
 * `portal "" does not exist` (or runs the other's statement). Under concurrent sign-ups this broke
 * the embedded database.
 *
 * This replaces the queue's scheduler with one that also keeps a connection's batch together: a
 * connection that has sent an extended-protocol message is served alone until its Sync.
 */

interface QueuedMessage {
  handlerId: number
  message: Uint8Array
  resolve(bytes: number): void
  reject(error: unknown): void
  onData(data: Uint8Array): void
}

/** The queue's fields this module relies on (pglite-socket 0.2.x). */
interface QueryQueue {
  db: PGlite
  queue: QueuedMessage[]
  processing: boolean
  lastHandlerId: number | null
  processQueue(): Promise<void>
  clearQueueForHandler(handlerId: number): void
}

const SYNC = 0x53 // 'S'
/** Parse, Bind, Describe, Execute, Close, Flush: messages of a batch that only Sync ends. */
const BATCH_MESSAGES = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48])

export function keepBatchesTogether(server: PGLiteSocketServer): void {
  const queue = (server as unknown as { queryQueue?: QueryQueue }).queryQueue
  if (!queue || !Array.isArray(queue.queue) || typeof queue.processQueue !== 'function') {
    throw new Error('pglite-socket changed its queue; review packages/db/src/embedded-queue.ts')
  }
  /** The connection whose batch is open (sent a batch message, not yet its Sync). */
  let openBatch: number | null = null

  queue.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing) return
    this.processing = true
    try {
      while (this.queue.length > 0) {
        const owner = openBatch ?? (this.db.isInTransaction() ? this.lastHandlerId : null)
        const index = owner === null ? 0 : this.queue.findIndex((item) => item.handlerId === owner)
        // The owner's next message has not arrived yet: wait for it (its enqueue calls us again).
        if (index === -1) break
        const [item] = this.queue.splice(index, 1) as [QueuedMessage]
        const type = item.message[0] ?? 0
        let bytes = 0
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length
                item.onData(data)
              },
            }),
          )
        } catch (error) {
          if (openBatch === item.handlerId) openBatch = null
          item.reject(error)
          continue
        }
        if (BATCH_MESSAGES.has(type)) openBatch = item.handlerId
        else if (type === SYNC && openBatch === item.handlerId) openBatch = null
        this.lastHandlerId = item.handlerId
        item.resolve(bytes)
      }
    } finally {
      this.processing = false
    }
  }

  // A connection that goes away mid-batch must not hold the queue.
  const clearQueueForHandler = queue.clearQueueForHandler.bind(queue)
  queue.clearQueueForHandler = (handlerId: number) => {
    clearQueueForHandler(handlerId)
    if (openBatch === handlerId) {
      openBatch = null
      void queue.processQueue()
    }
  }
}
