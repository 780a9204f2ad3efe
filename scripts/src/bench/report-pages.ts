import type { PageRun } from './lighthouse'
import type { PageScore } from './phases/pages'
import { formatMs, verdict } from './report-figures'

/** The pages' Lighthouse scores in BENCHMARKS.md: rows against the targets, and their own section. */

const NAMES: Record<PageScore['page'], string> = {
  landing: 'landing page (/)',
  'sign-in': 'sign-in (/login)',
  'sign-up': 'sign-up (/register)',
  dashboard: 'dashboard with 50 tasks (/dashboard)',
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KiB`
}

function failed(run: PageRun): string {
  return run.failedAccessibility.length > 0
    ? ` (failed: ${run.failedAccessibility.join(', ')})`
    : ''
}

/** One row per page for "Against the targets". */
export function pageTargetRows(pages: PageScore[] | undefined): string[] {
  return (pages ?? []).map(({ page, result: r }) => {
    const met = r.performance >= 90 && r.accessibility === 100
    return `| Lighthouse (mobile), ${NAMES[page]} | performance ${r.performance}, accessibility ${r.accessibility}${failed(r)}; LCP ${formatMs(r.lcpMs)}, TBT ${formatMs(r.tbtMs)} | performance ≥ 90 and accessibility 100: ${verdict(met)} | — |`
  })
}

export function pagesSection(pages: PageScore[] | undefined): string[] {
  if (!pages || pages.length === 0) return []
  const rounds = pages[0]?.runs.length ?? 0
  const dashboard = pages.find((score) => score.page === 'dashboard')
  const rows = pages.map(({ page, result: r, runs }) => {
    const scores = runs.map((run) => run.performance).join(', ')
    const loads = runs.map((run) => run.loadAverage.toFixed(1)).join(', ')
    return `| ${NAMES[page]} | ${r.performance} | ${r.accessibility} | ${formatMs(r.fcpMs)} | ${formatMs(r.lcpMs)} | ${formatMs(r.tbtMs)} | ${r.cls.toFixed(3)} | ${kib(r.scriptTransferBytes)} (${kib(r.scriptBytes)} decoded) | ${scores} | ${loads} |`
  })
  return [
    '## Pages (Lighthouse, mobile)',
    '',
    'The `lighthouse` package with its default (mobile) settings — simulated slow 4G and a 4× slower CPU — driving Debian’s Chromium against the production build; the dashboard is signed in with the session’s cookies and lists 50 tasks. ' +
      `Each page ran ${rounds} time${rounds === 1 ? '' : 's'}, the pages taking turns; the run with the median performance score is quoted. ` +
      'Lighthouse scales the CPU time it observes, so a busy machine lowers the scores: the load average at the start of each run is shown beside them.' +
      (dashboard?.tasksInFirstHtml === undefined
        ? ''
        : ` The dashboard’s first HTML ${dashboard.tasksInFirstHtml ? 'lists' : 'does not list'} the tasks (rendered on the server).`),
    '',
    '| Page | Performance | Accessibility | FCP | LCP | TBT | CLS | JavaScript (over the wire) | performance of every run | load average of every run |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ]
}
