import { JWT_COOKIE_NAME } from '@taskwise/contracts/auth'
import { checkList, type BenchUser } from '../client'
import { LIST_LIMIT } from '../constants'
import type { BenchContext } from '../context'
import type { LoadRequest, LoadResult } from '../load'
import { bearer, medianByThroughput } from '../measure'
import type { ListRun } from '../results'

/**
 * 2 and 4. The list (`--only=list`): the floor, the api, and the web origin (its web server
 * forwards the task route to the api), interleaved per connection count.
 */
export async function listPhase(context: BenchContext): Promise<ListRun[]> {
  const { stack, floorUrl, webOrigin, listUsers } = context
  const [firstUser] = listUsers as [BenchUser]
  const listPath = (user: BenchUser) => `/api/${user.id}/tasks?limit=${LIST_LIMIT}`
  const apiList: LoadRequest[] = listUsers.map((user) => ({
    method: 'GET',
    path: listPath(user),
    headers: bearer(user),
  }))
  const webList: LoadRequest[] = listUsers.map((user) => ({
    method: 'GET',
    path: listPath(user),
    headers: { cookie: `${JWT_COOKIE_NAME}=${user.token}` },
  }))
  await checkList(`${floorUrl}${listPath(firstUser)}`, {}, LIST_LIMIT)
  await checkList(`${stack.apiUrl}${listPath(firstUser)}`, bearer(firstUser), LIST_LIMIT)
  const cookie = `${JWT_COOKIE_NAME}=${firstUser.token}`
  await checkList(`${webOrigin}${listPath(firstUser)}`, { cookie }, LIST_LIMIT)
  const list: ListRun[] = []
  for (const connections of [10, 50]) {
    const targets: [ListRun['target'], string, LoadRequest[]][] = [
      ['floor', floorUrl, apiList],
      ['api', stack.apiUrl, apiList],
      ['web', webOrigin, webList],
    ]
    const rounds = new Map<ListRun['target'], LoadResult[]>(targets.map(([t]) => [t, []]))
    for (let round = 0; round < context.sizes.listRounds; round += 1) {
      // Each round starts with another target, so that none always runs first or last.
      const order = [...targets.slice(round % 3), ...targets.slice(0, round % 3)]
      for (const [target, url, requests] of order) {
        const result = await context.measure(
          `list via ${target}, ${connections} connections, round ${round + 1}`,
          { url, connections, mode: 'cycle', requests, ...context.timing },
        )
        rounds.get(target)?.push(result)
      }
    }
    for (const [target] of targets) {
      const results = rounds.get(target) ?? []
      list.push({ target, connections, result: medianByThroughput(results), rounds: results })
    }
  }
  return list
}
