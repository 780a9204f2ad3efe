import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactElement } from 'react'
import { vi } from 'vitest'

/** A problem+json answer, as the auth routes send it. */
export function problem(
  status: number,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ status, title: 'refused', ...body }), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  })
}

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  })
}

export function noContent(): Response {
  return new Response(null, { status: 204 })
}

/** Answers by path, so a test says what the server does for each route it touches. */
export function stubFetch(routes: Record<string, () => Response | Promise<Response>>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const path = String(input)
    const answer = routes[path]
    if (!answer) throw new Error(`unexpected request to ${path}`)
    return answer()
  })
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

/** The JSON body of the n-th request sent to `path`. */
export function sentBody(fetchMock: ReturnType<typeof stubFetch>, path: string, n = 0): unknown {
  const calls = fetchMock.mock.calls.filter(([input]) => String(input) === path)
  const init = (calls[n] as unknown as [string, RequestInit] | undefined)?.[1]
  return init?.body === undefined ? undefined : JSON.parse(String(init.body))
}

/** Renders with a fresh query cache (no retries, so a failure shows at once). */
export function renderWithQuery(ui: ReactElement) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  })
  const user = userEvent.setup()
  const result = render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>)
  return { ...result, user, client }
}

/** jsdom has no ResizeObserver; Radix's checkbox measures itself with one. */
export function stubResizeObserver(): void {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  )
}
