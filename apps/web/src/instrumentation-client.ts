import { z } from 'zod'

/**
 * Runs in the browser before the app's own code. Zod compiles its object parsers with
 * `new Function` when it may, and probes for that once; under the pages' Content-Security-Policy
 * (no 'unsafe-eval') the probe fails quietly but the browser still reports a violation. Turned
 * off before any schema is built (docs/decisions/0521-security-headers.md).
 */
z.config({ jitless: true })
