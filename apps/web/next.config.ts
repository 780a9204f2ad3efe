import type { NextConfig } from 'next'
import { apiUrlSetting } from './src/server/config'

// The api's address for the task rewrites. Next resolves rewrites when the app is built, so
// API_URL is read here, at build time, through the same schema as at run time.
const apiUrl = apiUrlSetting.parse(process.env.API_URL || undefined)

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The workspace packages ship TypeScript source.
  transpilePackages: ['@taskwise/contracts', '@taskwise/db'],
  // Native or Node-only: loaded from node_modules at run time, never bundled.
  serverExternalPackages: ['@node-rs/argon2', 'pg'],
  async headers() {
    // These pages carry a mailed token in their address: no request they make may pass it on.
    const noReferrer = [{ key: 'Referrer-Policy', value: 'no-referrer' }]
    return [
      { source: '/reset-password', headers: noReferrer },
      { source: '/confirm-email', headers: noReferrer },
    ]
  },
  async rewrites() {
    // Only the task routes go to the api, with the user id as given (the api answers 400 to one
    // that is not a UUID). /api/auth/* is Better Auth's and is never rewritten.
    const userId = ':userId((?!auth(?:/|$))[^/]+)'
    return [
      { source: `/api/${userId}/tasks`, destination: `${apiUrl}/api/:userId/tasks` },
      { source: `/api/${userId}/tasks/:path*`, destination: `${apiUrl}/api/:userId/tasks/:path*` },
    ]
  },
}

export default nextConfig
