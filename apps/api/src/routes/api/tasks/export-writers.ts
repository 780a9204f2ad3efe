import { TASK_EXPORT_VERSION, type TaskExportFormat } from '@taskwise/contracts/task-transfer'
import type { Task, TaskPriority } from '@taskwise/contracts/task'
import { stringify } from 'csv-stringify/sync'
import ical, { escape, foldLines, formatDate } from 'ical-generator'

/**
 * How an export is written, batch by batch, so that no format needs every task in memory at
 * once (docs/decisions/0108-export-import.md). A writer is made per export: the JSON one
 * remembers whether a task came before, to place the commas.
 */
export interface ExportWriter {
  contentType: string
  extension: string
  head(): string
  batch(tasks: Task[]): string
  tail(): string
}

/** Every field of every task: the JSON export is also the import's body. */
function jsonWriter(exportedAt: Date): ExportWriter {
  let written = 0
  return {
    contentType: 'application/json',
    extension: 'json',
    head: () =>
      `{"version":${TASK_EXPORT_VERSION},"exportedAt":${JSON.stringify(exportedAt.toISOString())},"tasks":[`,
    batch: (tasks) =>
      tasks.map((task) => `${written++ === 0 ? '\n' : ',\n'}${JSON.stringify(task)}`).join(''),
    tail: () => (written === 0 ? ']}\n' : '\n]}\n'),
  }
}

const csvColumns = [
  'id',
  'title',
  'description',
  'completed',
  'priority',
  'category',
  'dueDate',
  'completedAt',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof Task)[]

/** A spreadsheet would run a cell that starts like a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}

function csvWriter(): ExportWriter {
  const options = {
    columns: [...csvColumns],
    record_delimiter: 'windows',
    cast: { boolean: (value: boolean) => String(value), string: neutraliseFormula },
  } as const
  return {
    contentType: 'text/csv; charset=utf-8',
    extension: 'csv',
    // The byte order mark makes spreadsheet programs read the file as UTF-8.
    head: () => stringify([], { ...options, header: true, bom: true }),
    batch: (tasks) => stringify(tasks, options),
    tail: () => '',
  }
}

/** RFC 5545 PRIORITY: 1–4 high, 5 medium, 6–9 low. */
const icsPriority: Record<TaskPriority, number> = { high: 1, medium: 5, low: 9 }

/** A TEXT value: escaped, and without the control characters RFC 5545 does not allow. */
function icsText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return escape(value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ''), false)
}

function utc(iso: string | Date): string {
  return formatDate(null, iso)
}

function vtodo(task: Task, stamp: string): string {
  if (task.dueDate === null) return ''
  const lines = [
    'BEGIN:VTODO',
    `UID:${task.id}@taskwise`,
    `DTSTAMP:${stamp}`,
    `CREATED:${utc(task.createdAt)}`,
    `LAST-MODIFIED:${utc(task.updatedAt)}`,
    `SUMMARY:${icsText(task.title)}`,
    ...(task.description ? [`DESCRIPTION:${icsText(task.description)}`] : []),
    `DUE;VALUE=DATE:${task.dueDate.replaceAll('-', '')}`,
    `STATUS:${task.completed ? 'COMPLETED' : 'NEEDS-ACTION'}`,
    ...(task.completedAt ? [`COMPLETED:${utc(task.completedAt)}`] : []),
    `PRIORITY:${icsPriority[task.priority]}`,
    ...(task.category ? [`CATEGORIES:${icsText(task.category)}`] : []),
    'END:VTODO',
  ]
  return lines.map((line) => `${foldLines(line)}\r\n`).join('')
}

/**
 * The tasks that have a due date, as VTODOs. ical-generator models events only, so the calendar
 * around them is its own and the VTODOs are written here with its escaping, folding and dates.
 */
function icsWriter(exportedAt: Date): ExportWriter {
  const stamp = utc(exportedAt)
  const calendar = ical({
    prodId: { company: 'Taskwise', product: 'Taskwise', language: 'EN' },
    name: 'Taskwise tasks',
  }).toString()
  return {
    contentType: 'text/calendar; charset=utf-8',
    extension: 'ics',
    head: () => `${calendar.replace(/END:VCALENDAR\s*$/, '')}`,
    batch: (tasks) => tasks.map((task) => vtodo(task, stamp)).join(''),
    tail: () => 'END:VCALENDAR\r\n',
  }
}

export function exportWriter(format: TaskExportFormat, exportedAt: Date): ExportWriter {
  switch (format) {
    case 'json':
      return jsonWriter(exportedAt)
    case 'csv':
      return csvWriter()
    case 'ics':
      return icsWriter(exportedAt)
  }
}
