'use client'

import { createAuthClient } from 'better-auth/react'

/**
 * Better Auth's browser client, on the page's own origin (/api/auth). The JWT never reaches
 * JavaScript: it travels in an httpOnly cookie set by the server.
 */
export const authClient = createAuthClient()
