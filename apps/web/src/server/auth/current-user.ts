import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { cache } from 'react'
import { loginUrlFor } from '@/lib/safe-next'
import { getAuth } from './instance'

export interface CurrentUser {
  id: string
  email: string
  name: string
}

/**
 * The signed-in person, from a session Better Auth checks against the database (a cookie's
 * presence is not authentication), or null. Cached for one render.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  // Request headers first: they make the page dynamic, so `next build` never tries to prerender
  // it (and never needs the database's settings).
  const requestHeaders = await headers()
  const auth = await getAuth()
  const session = await auth.api.getSession({ headers: requestHeaders })
  if (!session) return null
  const { id, email, name } = session.user
  return { id, email, name }
})

/** The signed-in person, or a redirect to `/login?next=<path>` for anyone else. */
export async function requireUser(path: string): Promise<CurrentUser> {
  const user = await getCurrentUser()
  if (!user) redirect(loginUrlFor(path))
  return user
}
