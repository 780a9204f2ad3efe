import { errorFromResponse, unreachable } from './errors'

/** The User-Agent the CLI sends: the sessions list shows it as the device. */
export const USER_AGENT = 'taskwise-cli/1.0'

interface Answer<T> {
  data?: T
  error?: unknown
  response: Response
}

/** The data of a success; a refusal or an unreachable server as a CliError. */
export async function settle<T>(baseUrl: string, call: () => Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>
  try {
    answer = await call()
  } catch (error) {
    throw unreachable(baseUrl, error)
  }
  if (answer.response.ok) return answer.data as T
  throw errorFromResponse(
    answer.response.status,
    answer.error,
    answer.response.headers.get('retry-after'),
  )
}
