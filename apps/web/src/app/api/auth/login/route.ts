import { getAuthHttp } from '@/server/auth/instance'
import { registerDirectRoute } from '@/server/http/direct-routes'
import { routeHandler } from '@/server/http/route-handler'

export const dynamic = 'force-dynamic'

export const POST = routeHandler(async (request) => (await getAuthHttp()).login(request))

// The web server serves later sign-ins with this handler itself, past Next's router (0322).
registerDirectRoute('POST', '/api/auth/login', POST)
