/**
 * What the soak saw, counted as it happens: every answer by status, every 5xx and network
 * failure with its time (to tell fault windows from the rest), every refusal and what became of
 * it, and every broken promise (a violation).
 */

export interface Failure {
  at: number
  method: string
  path: string
  /** 0 for a network failure (reset, refused). */
  status: number
}

export interface FaultWindow {
  instance: string
  killedAt: number
  /** When the restarted instance answered again, plus the grace the proxy needs to notice. */
  endsAt: number
}

export class SoakStats {
  readonly startedAt = Date.now()
  requests = 0
  readonly byStatus = new Map<number, number>()
  readonly byOperation = new Map<string, number>()
  readonly failures: Failure[] = []
  /** 429s answered, and how many of them were retried after their Retry-After. */
  rateLimited = 0
  /** Requests sent again after a 5xx, a network failure or a 429. */
  retries = 0
  /** Operations abandoned after every retry failed: counted, and the model marks them unsure. */
  gaveUp = 0
  /** Writes whose outcome was unknown (no answer), settled by reading back before retrying. */
  ambiguousWrites = 0
  readonly violations: string[] = []
  /**
   * Deletes whose first answer was a 404: nginx passes an idempotent request (DELETE) on to the
   * other api instance when the first dies after applying it, so inside a fault window the task is
   * gone as asked; outside one, a task the client believed in was missing (a violation).
   */
  readonly deletesFoundGone: Failure[] = []

  answer(method: string, path: string, status: number): void {
    this.requests += 1
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1)
    if (status === 0 || status >= 500) this.failures.push({ at: Date.now(), method, path, status })
    if (status === 429) this.rateLimited += 1
  }

  operation(kind: string): void {
    this.byOperation.set(kind, (this.byOperation.get(kind) ?? 0) + 1)
  }

  violation(message: string): void {
    if (this.violations.length < 200) this.violations.push(message)
  }

  operations(): number {
    let total = 0
    for (const count of this.byOperation.values()) total += count
    return total
  }

  /** The 5xx and network failures outside every fault window. */
  failuresOutside(windows: FaultWindow[]): Failure[] {
    return this.failures.filter(
      (failure) =>
        !windows.some((window) => failure.at >= window.killedAt && failure.at <= window.endsAt),
    )
  }
}
