import type { NextConfig } from 'next'

// Nothing here reads the environment: one build serves every environment. The task routes reach
// the api through the web server (src/web-server), which reads API_URL when it starts
// (docs/decisions/0520-web-server.md).
const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The workspace packages ship TypeScript source.
  transpilePackages: ['@taskwise/contracts', '@taskwise/db'],
  // Native or Node-only: loaded from node_modules at run time, never bundled.
  serverExternalPackages: ['@node-rs/argon2', 'pg'],
  experimental: {
    // The stylesheet (~8 KB compressed) goes inside each page's HTML as a <style> element, not as
    // a render-blocking request of its own: a page can paint as soon as its HTML is in, before
    // its scripts have arrived (decision 0311). The policy's style-src already allows inline styles.
    inlineCss: true,
  },
  async headers() {
    // These pages carry a mailed token in their address: no request they make may pass it on.
    const noReferrer = [{ key: 'Referrer-Policy', value: 'no-referrer' }]
    return [
      { source: '/reset-password', headers: noReferrer },
      { source: '/confirm-email', headers: noReferrer },
    ]
  },
}

export default nextConfig
