import { getAuthHttp } from '@/server/auth/instance'
import { routeHandler } from '@/server/http/route-handler'

// Better Auth's own routes (/api/auth/sign-up/email, /sign-in/email, /sign-out, /get-session,
// /jwks, /token, /change-password, …). The contract routes beside this folder take precedence.
export const dynamic = 'force-dynamic'

const handle = routeHandler(async (request) => (await getAuthHttp()).handleNative(request))

export const GET = handle
export const POST = handle
