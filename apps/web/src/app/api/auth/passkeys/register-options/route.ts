import { getAuthHttp } from '@/server/auth/instance'
import { routeHandler } from '@/server/http/route-handler'

export const dynamic = 'force-dynamic'

export const POST = routeHandler(async (request) =>
  (await getAuthHttp()).passkeyRegisterOptions(request),
)
