import { health } from '@/server/auth/routes/health'
import { routeHandler } from '@/server/http/route-handler'

// The process answers: needs neither the database nor the auth instance.
export const dynamic = 'force-dynamic'

export const GET = routeHandler(health())
