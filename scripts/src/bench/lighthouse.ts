import { execFile } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { repoRoot } from '@taskwise/db/paths'
import { z } from 'zod'
import { loadAverage } from './machine'

/**
 * One Lighthouse run of one page: the `lighthouse` CLI (pinned in scripts/package.json) with its
 * default settings, which are the mobile preset (a Moto G Power sized screen, simulated slow 4G
 * and a 4× slower CPU), driving Debian's Chromium. No browser is ever downloaded: the CLI is given
 * /usr/bin/chromium (or CHROMIUM_PATH). The full report stays in bench/tmp/lighthouse/ (not
 * committed) to see where the time went.
 */

const execFileAsync = promisify(execFile)
const lighthouseBin = path.join(repoRoot, 'node_modules/lighthouse/cli/index.js')

export interface PageRun {
  /** 0–100, as Lighthouse shows them. */
  performance: number
  accessibility: number
  fcpMs: number
  lcpMs: number
  tbtMs: number
  cls: number
  /** JavaScript the page loaded: bytes over the wire, and after decompression. */
  scriptTransferBytes: number
  scriptBytes: number
  /** Accessibility audits that failed (empty at 100). */
  failedAccessibility: string[]
  /** 1-minute load average when the run started (the machine is shared). */
  loadAverage: number
}

const auditSchema = z.object({
  score: z.number().nullable(),
  numericValue: z.number().optional(),
  details: z.unknown().optional(),
})
const reportSchema = z.object({
  runtimeError: z.object({ code: z.string(), message: z.string() }).optional(),
  finalDisplayedUrl: z.string(),
  categories: z.object({
    performance: z.object({ score: z.number().nullable() }),
    accessibility: z.object({
      score: z.number().nullable(),
      auditRefs: z.array(z.object({ id: z.string(), weight: z.number() })),
    }),
  }),
  audits: z.record(z.string(), auditSchema),
})
const networkItemsSchema = z.object({
  items: z.array(
    z.object({
      resourceType: z.string().optional(),
      transferSize: z.number().optional(),
      resourceSize: z.number().optional(),
    }),
  ),
})

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
}

/** Runs Lighthouse on `url` (sending `cookie`, if any, with every request) and reads its report. */
export async function runLighthouse(options: {
  url: string
  cookie?: string
  reportDir: string
  name: string
}): Promise<PageRun> {
  mkdirSync(options.reportDir, { recursive: true })
  const reportPath = path.join(options.reportDir, `${options.name}.json`)
  const args = [
    lighthouseBin,
    options.url,
    '--only-categories=performance,accessibility',
    '--output=json',
    `--output-path=${reportPath}`,
    `--chrome-path=${chromiumPath()}`,
    // Root in a container has no user namespace for Chromium's sandbox.
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
    '--quiet',
  ]
  if (options.cookie) {
    const headersPath = path.join(options.reportDir, `${options.name}.headers.json`)
    writeFileSync(headersPath, JSON.stringify({ Cookie: options.cookie }))
    args.push(`--extra-headers=${headersPath}`)
  }
  const load = loadAverage()
  await execFileAsync(process.execPath, args, { maxBuffer: 16 * 1024 * 1024, timeout: 180_000 })
  const report = reportSchema.parse(JSON.parse(readFileSync(reportPath, 'utf8')))
  if (report.runtimeError) {
    throw new Error(`bench: Lighthouse on ${options.url}: ${report.runtimeError.message}`)
  }
  if (new URL(report.finalDisplayedUrl).pathname !== new URL(options.url).pathname) {
    throw new Error(`bench: Lighthouse on ${options.url} ended at ${report.finalDisplayedUrl}`)
  }
  return pageRunOf(report, load)
}

function pageRunOf(report: z.output<typeof reportSchema>, load: number): PageRun {
  const numeric = (id: string) => report.audits[id]?.numericValue ?? Number.NaN
  const network = networkItemsSchema.safeParse(report.audits['network-requests']?.details)
  const scripts = network.success
    ? network.data.items.filter((item) => item.resourceType === 'Script')
    : []
  const failedAccessibility = report.categories.accessibility.auditRefs
    .filter((ref) => ref.weight > 0 && report.audits[ref.id]?.score === 0)
    .map((ref) => ref.id)
  return {
    performance: Math.round((report.categories.performance.score ?? 0) * 100),
    accessibility: Math.round((report.categories.accessibility.score ?? 0) * 100),
    fcpMs: numeric('first-contentful-paint'),
    lcpMs: numeric('largest-contentful-paint'),
    tbtMs: numeric('total-blocking-time'),
    cls: numeric('cumulative-layout-shift'),
    scriptTransferBytes: scripts.reduce((sum, item) => sum + (item.transferSize ?? 0), 0),
    scriptBytes: scripts.reduce((sum, item) => sum + (item.resourceSize ?? 0), 0),
    failedAccessibility,
    loadAverage: load,
  }
}
