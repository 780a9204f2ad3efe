import { Command, InvalidArgumentError, Option } from 'commander'
import { CliError, EXIT } from './errors'
import { printJson, shortId, taskLine, taskTable } from './output'
import { login, logout, signedIn, whoami } from './session'
import { taskCommands, type ListOptions, type TaskFields } from './tasks'

/**
 * `taskwise`: Taskwise from a terminal. Signs in against the web app, keeps the token in the
 * user's config folder, and manages tasks through the generated api client. Each failure is one
 * line on stderr and an exit code (errors.ts).
 */

const DEFAULT_URL = 'http://localhost:3000'
const PRIORITIES = ['low', 'medium', 'high']

function origin(value: string): string {
  try {
    const url = new URL(value)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error()
    return url.origin
  } catch {
    throw new InvalidArgumentError('must be an http:// or https:// address')
  }
}

function date(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw new InvalidArgumentError('must be a date, YYYY-MM-DD')
  return value
}

function program(): Command {
  const cli = new Command('taskwise')
    .description('Your Taskwise tasks from the terminal.')
    .addOption(
      new Option('--api <url>', 'Taskwise address: the web app, or the api for task commands')
        .env('TASKWISE_URL')
        .argParser(origin),
    )
    .option('--json', 'print JSON for scripts')
    .exitOverride()
    .showSuggestionAfterError()

  const opts = () => cli.opts<{ api?: string; json?: boolean }>()
  const session = async () => {
    const credentials = await signedIn()
    return { credentials, baseUrl: opts().api ?? credentials.url }
  }
  const tasks = async () => {
    const { credentials, baseUrl } = await session()
    return taskCommands(credentials, baseUrl)
  }
  const show = (human: string, json: unknown) =>
    opts().json ? printJson(json) : console.log(human)
  const priority = new Option('--priority <level>', 'low, medium or high').choices(PRIORITIES)
  const taskFields = (options: Record<string, unknown>): TaskFields => ({
    ...(options.title !== undefined ? { title: options.title as string } : {}),
    ...(options.desc !== undefined ? { description: options.desc as string } : {}),
    ...(options.priority !== undefined
      ? { priority: options.priority as TaskFields['priority'] }
      : {}),
    ...(options.category !== undefined ? { category: (options.category as string) || null } : {}),
    ...(options.due !== undefined
      ? { dueDate: options.due === false ? null : (options.due as string) }
      : {}),
  })

  cli
    .command('login')
    .description('sign in (the password is asked for and never shown)')
    .option('--email <address>', 'the account email address')
    .action(async (options: { email?: string }) => {
      const credentials = await login(opts().api ?? DEFAULT_URL, options.email)
      show(`Signed in as ${credentials.user.email} until ${credentials.expiresAt}.`, {
        user: credentials.user,
        expiresAt: credentials.expiresAt,
      })
    })

  cli
    .command('logout')
    .description('sign out and forget the token')
    .action(async () => {
      const ended = await logout()
      show(ended ? 'Signed out.' : 'Not signed in.', { signedOut: ended })
    })

  cli
    .command('whoami')
    .description('who is signed in')
    .action(async () => {
      const { credentials } = await session()
      const user = await whoami(credentials.url, credentials.token)
      show(`${user.email}${user.name ? ` (${user.name})` : ''}`, { user })
    })

  cli
    .command('ls')
    .description('list tasks: filter, search, sort, page')
    .addOption(
      new Option('--status <status>', 'all, pending or completed').choices([
        'all',
        'pending',
        'completed',
      ]),
    )
    .addOption(priority)
    .option('--category <name>', 'only this category')
    .option('-s, --search <text>', 'search titles and descriptions')
    .option(
      '--sort <key>',
      'created, updated, dueDate, priority or title; a leading - sorts descending',
    )
    .option('--limit <n>', 'tasks per page (1-100)', (value) => Number(value))
    .option('--cursor <cursor>', 'the page after this cursor (printed by the previous page)')
    .option('--all', 'every page')
    .action(async (options: Record<string, unknown>) => {
      const query: ListOptions = {
        ...(options.status ? { status: options.status as ListOptions['status'] } : {}),
        ...(options.priority ? { priority: options.priority as ListOptions['priority'] } : {}),
        ...(options.category ? { category: options.category as string } : {}),
        ...(options.search ? { q: options.search as string } : {}),
        ...(options.sort ? { sort: options.sort as string } : {}),
        ...(options.limit !== undefined ? { limit: options.limit as number } : {}),
        ...(options.cursor ? { cursor: options.cursor as string } : {}),
      }
      const commands = await tasks()
      if (options.all) {
        const all = await commands.all(query)
        return show(taskTable(all), { items: all, nextCursor: null })
      }
      const page = await commands.list(query)
      const more = page.nextCursor ? `\nMore: taskwise ls --cursor ${page.nextCursor}` : ''
      show(taskTable(page.items) + more, page)
    })

  cli
    .command('add')
    .description('add a task')
    .argument('<title...>', 'the title')
    .option('--due <date>', 'due date, YYYY-MM-DD', date)
    .addOption(priority)
    .option('--category <name>', 'a category')
    .option('--desc <text>', 'a description')
    .action(async (words: string[], options: Record<string, unknown>) => {
      const task = await (await tasks()).add({ ...taskFields(options), title: words.join(' ') })
      show(taskLine('Added', task), task)
    })

  for (const [name, completed] of [
    ['done', true],
    ['undo', false],
  ] as const) {
    cli
      .command(name)
      .description(completed ? 'mark a task done' : 'mark a task not done')
      .argument('<id>', 'the task id or its first characters')
      .action(async (id: string) => {
        const task = await (await tasks()).setCompleted(id, completed)
        show(taskLine(completed ? 'Done' : 'Not done', task), task)
      })
  }

  cli
    .command('edit')
    .description('change a task')
    .argument('<id>', 'the task id or its first characters')
    .option('--title <title>', 'a new title')
    .option('--due <date>', 'due date, YYYY-MM-DD', date)
    .option('--no-due', 'remove the due date')
    .addOption(priority)
    .option('--category <name>', 'a category ("" for none)')
    .option('--desc <text>', 'a description')
    .action(async (id: string, options: Record<string, unknown>) => {
      const fields = taskFields(options)
      if (Object.keys(fields).length === 0)
        throw new CliError('Say what to change (see taskwise edit --help).', EXIT.usage)
      const task = await (await tasks()).edit(id, fields)
      show(taskLine('Changed', task), task)
    })

  cli
    .command('rm')
    .description('delete a task')
    .argument('<id>', 'the task id or its first characters')
    .action(async (id: string) => {
      const removed = await (await tasks()).remove(id)
      show(`Deleted ${shortId(removed)}.`, { deleted: removed })
    })

  return cli
}

/** Runs the command line; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv, { from: 'user' })
    return EXIT.ok
  } catch (error) {
    if (error instanceof CliError) {
      console.error(`taskwise: ${error.message}`)
      return error.exitCode
    }
    const code = (error as { code?: string; exitCode?: number }).code
    if (typeof code === 'string' && code.startsWith('commander.')) {
      // commander has printed the usage or the message already.
      const help = code === 'commander.helpDisplayed' || code === 'commander.version'
      return help ? EXIT.ok : EXIT.usage
    }
    console.error(`taskwise: ${(error as Error).message}`)
    return EXIT.failure
  }
}
