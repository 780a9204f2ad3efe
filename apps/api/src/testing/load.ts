/**
 * A small load generator for the fault tests: `concurrency` workers call `request` back to back
 * until stopped, and every answer is kept with when it started and how long it took.
 */

export interface Answer {
  status: number
  headers: Record<string, string | string[] | number | undefined>
  body: string
}

export interface Timed extends Answer {
  /** performance.now() when the request was sent. */
  sentAt: number
  ms: number
}

export interface Load {
  answers: Timed[]
  /** Stops sending, waits for the requests in flight, and returns every answer. */
  stop(): Promise<Timed[]>
}

export function startLoad(request: () => Promise<Answer>, concurrency: number): Load {
  const answers: Timed[] = []
  let running = true
  async function worker() {
    while (running) {
      const sentAt = performance.now()
      const answer = await request()
      answers.push({ ...answer, sentAt, ms: performance.now() - sentAt })
    }
  }
  const workers = Array.from({ length: concurrency }, () => worker())
  return {
    answers,
    async stop() {
      running = false
      await Promise.all(workers)
      return answers
    },
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Waits until `condition` holds (checked every 20 ms), or fails after `ms`. */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  what: string,
  ms = 10_000,
) {
  const deadline = performance.now() + ms
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(20)
  }
}
