import { getAuthHttp } from '@/server/auth/instance'
import { routeHandler } from '@/server/http/route-handler'

export const dynamic = 'force-dynamic'

export const GET = routeHandler(async (request) => (await getAuthHttp()).listPasskeys(request))
