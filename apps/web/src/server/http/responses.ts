/** Small builders for the JSON answers of the auth routes: never cached, cookies carried over. */

export function noStore(headers: Headers = new Headers()): Headers {
  headers.set('cache-control', 'no-store')
  return headers
}

export function json(body: unknown, status: number, headers?: Headers): Response {
  const responseHeaders = noStore(headers)
  responseHeaders.set('content-type', 'application/json')
  return new Response(JSON.stringify(body), { status, headers: responseHeaders })
}

export function noContent(headers?: Headers): Response {
  return new Response(null, { status: 204, headers: noStore(headers) })
}

/** The Set-Cookie headers of `response`, to pass on in another answer. */
export function setCookiesOf(response: Response): Headers {
  const headers = new Headers()
  for (const cookie of response.headers.getSetCookie()) headers.append('set-cookie', cookie)
  return headers
}
