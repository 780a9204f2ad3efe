import { authOpenApiResponse } from '@/server/openapi/auth-document'

// The OpenAPI 3.1 document of the auth contract. A folder named with a dot is a route of that
// name (Next's own example is app/rss.xml/route.ts): Next serves /api/auth/openapi.json from
// here, before the [...all] catch-all beside it.
export const dynamic = 'force-dynamic'

export function GET(): Response {
  return authOpenApiResponse()
}
