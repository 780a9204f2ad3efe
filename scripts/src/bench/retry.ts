/**
 * Runs `attempt` until it succeeds, at most `retries` more times after a first failure. Each
 * failure that is retried is told to `onRetry` (the bench logs it); the last one is thrown. For a
 * measurement that fails now and then for reasons of its own, such as a Lighthouse run that loses
 * the page's navigation in a loaded browser ("NO_NAVSTART"), without stopping the whole bench.
 */
export async function withRetries<T>(
  retries: number,
  attempt: (attemptNumber: number) => Promise<T>,
  onRetry: (error: unknown, attemptNumber: number) => void,
): Promise<T> {
  for (let attemptNumber = 1; ; attemptNumber += 1) {
    try {
      return await attempt(attemptNumber)
    } catch (error) {
      if (attemptNumber > retries) throw error
      onRetry(error, attemptNumber)
    }
  }
}
