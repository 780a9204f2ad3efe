/**
 * Runs in the browser before the app's own code. Zod compiles its object parsers with
 * `new Function` when it may, and probes for that once; under the pages' Content-Security-Policy
 * (no 'unsafe-eval') the probe fails quietly but the browser still reports a violation. Turned
 * off before any schema is built (docs/decisions/0521-security-headers.md).
 *
 * Not through `z.config`: importing zod here put all of it (~31 KB compressed) in every page's
 * scripts, pages without a single schema included (decision 0312). Zod keeps its settings in
 * `globalThis.__zod_globalConfig`, shared by every copy of zod on the page, and adopts an object
 * already there when it loads (`??=`); `z.config` itself only assigns to that object. The e2e
 * test of the security headers fails if a page reports the probe's violation.
 */
const holder = globalThis as { __zod_globalConfig?: Record<string, unknown> }
holder.__zod_globalConfig = Object.assign(holder.__zod_globalConfig ?? {}, { jitless: true })

export {}
