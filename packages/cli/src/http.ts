import { CliError, errorFromResponse, EXIT, unreachable } from './errors'

/** The User-Agent the CLI sends: the sessions list shows it as the device. */
export const USER_AGENT = 'taskwise-cli/1.0'

/** A JSON request to Taskwise; a refusal or a missing server becomes a CliError. */
export async function requestJson(
  url: string,
  init: { method?: string; token?: string; body?: unknown } = {},
): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json', 'user-agent': USER_AGENT }
  if (init.token) headers.authorization = `Bearer ${init.token}`
  if (init.body !== undefined) headers['content-type'] = 'application/json'
  let response: Response
  try {
    response = await fetch(url, {
      method: init.method ?? 'GET',
      headers,
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    })
  } catch (error) {
    throw unreachable(new URL(url).origin, error)
  }
  const text = await response.text()
  let body: unknown = undefined
  try {
    body = text ? JSON.parse(text) : undefined
  } catch {
    if (response.ok) throw new CliError(`${url} did not answer JSON`, EXIT.failure)
  }
  if (!response.ok)
    throw errorFromResponse(response.status, body, response.headers.get('retry-after'))
  return body
}
