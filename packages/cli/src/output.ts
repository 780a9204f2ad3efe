import { type Task } from '@taskwise/api-client/tasks'

/** How results are shown: a line or a table for people, JSON for scripts (--json). */

export function shortId(id: string): string {
  return id.slice(0, 8)
}

function cell(value: string, width: number): string {
  const flat = value.replace(/\s+/g, ' ')
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat.padEnd(width)
}

/** One line per task: short id, done mark, priority, due date, category, title. */
export function taskTable(tasks: readonly Task[]): string {
  if (tasks.length === 0) return 'No tasks.'
  const header = `${cell('ID', 8)}  ${cell('', 3)} ${cell('PRIORITY', 8)} ${cell('DUE', 10)} ${cell('CATEGORY', 14)} TITLE`
  const rows = tasks.map(
    (task) =>
      `${shortId(task.id)}  ${task.completed ? '[x]' : '[ ]'} ${cell(task.priority, 8)} ${cell(task.dueDate ?? '', 10)} ${cell(task.category ?? '', 14)} ${task.title.replace(/\s+/g, ' ')}`,
  )
  return [header, ...rows].join('\n')
}

export function taskLine(verb: string, task: Task): string {
  return `${verb} ${shortId(task.id)}  ${task.completed ? '[x]' : '[ ]'} ${task.title.replace(/\s+/g, ' ')}`
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
}
