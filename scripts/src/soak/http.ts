import type { SoakStats } from './stats'

/**
 * One soak user's HTTP client: a cookie jar (as a browser keeps one), the Origin a browser sends
 * on writes, and the retry rule for refusals: a 429 waits for its Retry-After, a 5xx or a network
 * failure waits a little longer each time; every retry is counted.
 */

export interface Answer {
  /** 0: no answer (connection refused or reset, timeout). */
  status: number
  body: unknown
  headers: Headers | null
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export class UserHttp {
  private readonly cookies = new Map<string, string>()

  constructor(
    private readonly baseUrl: string,
    private readonly origin: string,
    private readonly stats: SoakStats,
    private readonly deadline: number,
  ) {}

  clearCookies(): void {
    this.cookies.clear()
  }

  hasCookies(): boolean {
    return this.cookies.size > 0
  }

  /** One attempt, never throws. */
  async once(method: string, path: string, json?: unknown): Promise<Answer> {
    const headers: Record<string, string> = { origin: this.origin }
    if (json !== undefined) headers['content-type'] = 'application/json'
    if (this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
    }
    let answer: Answer
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: json === undefined ? undefined : JSON.stringify(json),
        signal: AbortSignal.timeout(30_000),
      })
      this.keepCookies(response)
      const text = await response.text()
      let body: unknown = text
      try {
        body = text ? JSON.parse(text) : null
      } catch {
        // not JSON: kept as text
      }
      answer = { status: response.status, body, headers: response.headers }
    } catch {
      answer = { status: 0, body: null, headers: null }
    }
    this.stats.answer(method, path.split('?')[0] ?? path, answer.status)
    return answer
  }

  /**
   * Sends until the answer is neither a refusal (429) nor a failure (5xx, none), at most `tries`
   * times. `beforeRetry` runs before each resend after a failure and may settle the operation
   * (return an answer) instead: a write that may have been applied is read back first.
   */
  async send(
    method: string,
    path: string,
    json?: unknown,
    beforeRetry?: () => Promise<Answer | null>,
    tries = 8,
  ): Promise<Answer> {
    let answer = await this.once(method, path, json)
    for (let attempt = 1; attempt < tries; attempt += 1) {
      if (answer.status !== 0 && answer.status !== 429 && answer.status < 500) return answer
      const remaining = this.deadline - Date.now()
      if (remaining <= 0) break
      if (answer.status === 429) {
        const seconds = Number(answer.headers?.get('retry-after') ?? '1')
        await pause(Math.min(remaining, Math.max(1, seconds) * 1000))
      } else {
        await pause(Math.min(remaining, 150 * attempt))
        if (beforeRetry) {
          const settled = await beforeRetry()
          if (settled) return settled
        }
      }
      this.stats.retries += 1
      answer = await this.once(method, path, json)
    }
    if (answer.status === 0 || answer.status === 429 || answer.status >= 500) this.stats.gaveUp += 1
    return answer
  }

  private keepCookies(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';')
      const equals = pair.indexOf('=')
      const name = pair.slice(0, equals).trim()
      const value = pair.slice(equals + 1).trim()
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute))
      if (!value || expired) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }
}
