import path from 'node:path'
import { authHeaders, createTask, mapConcurrent, seedTask, type BenchUser } from '../client'
import { LIST_LIMIT } from '../constants'
import { registerUsers, type BenchContext } from '../context'
import { runLighthouse, type PageRun } from '../lighthouse'
import { withRetries } from '../retry'
import { median } from '../stats'

/**
 * 0. The pages (`--only=pages`): Lighthouse (mobile) on the landing page, sign-in, sign-up and the
 * dashboard of a person with 50 tasks, signed in by their cookies. The pages take turns, each
 * run a few times; the run with the median performance score is quoted.
 */

export interface PageScore {
  page: 'landing' | 'sign-in' | 'sign-up' | 'dashboard'
  path: string
  /** The run with the median performance score. */
  result: PageRun
  runs: PageRun[]
  /** The dashboard only: whether its first HTML (before any script runs) lists the tasks. */
  tasksInFirstHtml?: boolean
}

/** How many more times a failed Lighthouse run is tried. */
const LIGHTHOUSE_RETRIES = 2

const PAGES: Pick<PageScore, 'page' | 'path'>[] = [
  { page: 'landing', path: '/' },
  { page: 'sign-in', path: '/login' },
  { page: 'sign-up', path: '/register' },
  { page: 'dashboard', path: '/dashboard' },
]

/** The Cookie header a browser sends after signing in (the session and the JWT cookie). */
async function signInCookie(webUrl: string, user: BenchUser): Promise<string> {
  const response = await fetch(`${webUrl}/api/auth/login`, {
    method: 'POST',
    headers: authHeaders(webUrl),
    body: JSON.stringify({ email: user.email, password: user.password }),
  })
  if (response.status !== 200) throw new Error(`bench: pages sign-in answered ${response.status}`)
  return response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] ?? '')
    .filter((pair) => !pair.endsWith('='))
    .join('; ')
}

/**
 * Each page once before measuring (the server's first render of a route loads its code). Answers
 * whether the dashboard's HTML, as the server sent it, already lists the person's tasks.
 */
async function warmUp(webUrl: string, cookie: string, taskTitle: string): Promise<boolean> {
  let tasksInFirstHtml = false
  for (const { path: pagePath } of PAGES) {
    const headers = pagePath === '/dashboard' ? { cookie } : undefined
    const response = await fetch(`${webUrl}${pagePath}`, { headers, redirect: 'manual' })
    if (response.status !== 200) {
      throw new Error(`bench: GET ${pagePath} answered ${response.status}`)
    }
    // The page's markup, without its scripts (whose data would name the tasks either way).
    const markup = (await response.text()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    if (pagePath === '/dashboard') tasksInFirstHtml = markup.includes(taskTitle)
  }
  return tasksInFirstHtml
}

export async function pagesPhase(context: BenchContext): Promise<PageScore[]> {
  const { webUrl, log } = context
  const [user] = (await registerUsers(context, webUrl, 'pages', 1, context.password)) as [BenchUser]
  const tasks = await mapConcurrent(
    Array.from({ length: LIST_LIMIT }, (_, index) => index),
    8,
    (index) => createTask(context.stack.apiUrl, user, seedTask(index)),
  )
  const cookie = await signInCookie(webUrl, user)
  // The newest task is the first the dashboard lists.
  const tasksInFirstHtml = await warmUp(webUrl, cookie, tasks.at(-1)?.title ?? '')
  log(`pages: the dashboard's first HTML ${tasksInFirstHtml ? 'lists' : 'does not list'} the tasks`)

  const reportDir = path.join(context.tmpDir, 'lighthouse', context.runId)
  const runs = new Map<PageScore['page'], PageRun[]>(PAGES.map(({ page }) => [page, []]))
  for (let round = 0; round < context.sizes.pageRounds; round += 1) {
    for (const { page, path: pagePath } of PAGES) {
      // A run that fails (Lighthouse losing the navigation in a loaded browser, seen as
      // NO_NAVSTART) is tried again, twice at most, each failure logged, before the bench gives up.
      const run = await withRetries(
        LIGHTHOUSE_RETRIES,
        (attempt) =>
          runLighthouse({
            url: `${webUrl}${pagePath}`,
            ...(page === 'dashboard' ? { cookie } : {}),
            reportDir,
            name:
              attempt === 1 ? `${page}-${round + 1}` : `${page}-${round + 1}-attempt-${attempt}`,
          }),
        (error, attempt) =>
          log(
            `Lighthouse ${page}, round ${round + 1}, attempt ${attempt} failed, trying again: ${error instanceof Error ? error.message : String(error)}`,
          ),
      )
      log(
        `Lighthouse ${page}, round ${round + 1}: performance ${run.performance}, accessibility ${run.accessibility}, LCP ${Math.round(run.lcpMs)} ms, TBT ${Math.round(run.tbtMs)} ms (load ${run.loadAverage.toFixed(2)})`,
      )
      runs.get(page)?.push(run)
    }
  }
  return PAGES.map(({ page, path: pagePath }) => {
    const pageRuns = runs.get(page) ?? []
    const middle = median(pageRuns.map((run) => run.performance))
    const result = pageRuns.find((run) => run.performance === middle) as PageRun
    return {
      page,
      path: pagePath,
      result,
      runs: pageRuns,
      ...(page === 'dashboard' ? { tasksInFirstHtml } : {}),
    }
  })
}
