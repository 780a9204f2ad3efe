import { type AuthOperation } from './auth-operations'

/** GET /api/health and GET /api/ready (server/auth/routes/health.ts), for load balancers. */
export const healthOperations: AuthOperation[] = [
  {
    method: 'get',
    path: '/api/health',
    summary: 'The process is up (it needs no database to say so)',
    signedIn: false,
    success: { status: 200, description: 'Up', schema: 'Health' },
    problems: {},
  },
  {
    method: 'get',
    path: '/api/ready',
    summary: 'The database answers a query within 2 s: send traffic here (else 503)',
    signedIn: false,
    success: { status: 200, description: 'Ready', schema: 'Ready' },
    problems: { 503: 'The database does not answer (with Retry-After)' },
  },
]
