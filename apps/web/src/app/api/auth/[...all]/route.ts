import { getAuthHttp } from '@/server/auth/instance'
import { routeHandler } from '@/server/http/route-handler'

// Better Auth's own routes (/api/auth/sign-up/email, /sign-in/email, /sign-out, /get-session,
// /jwks, /token; the others answer 404). The contract routes beside this folder take precedence.
export const dynamic = 'force-dynamic'

const handle = routeHandler(async (request) => (await getAuthHttp()).handleExternal(request))

export const GET = handle
export const POST = handle
