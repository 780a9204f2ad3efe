import { getAuthHttp } from '@/server/auth/instance'
import { routeHandler } from '@/server/http/route-handler'

export const dynamic = 'force-dynamic'

export async function POST(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await params
  return routeHandler(async (inner) => (await getAuthHttp()).renamePasskey(inner, id))(request)
}
