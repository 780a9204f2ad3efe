import { getAuthHttp } from '@/server/auth/instance'
import { routeHandler } from '@/server/http/route-handler'

// The database answers (503 with Retry-After otherwise): docs/decisions/0512-readiness.md.
export const dynamic = 'force-dynamic'

export const GET = routeHandler(async (request) => (await getAuthHttp()).ready(request))
