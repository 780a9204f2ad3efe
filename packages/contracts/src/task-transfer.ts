import { z } from 'zod'
import { createTaskSchema, taskSchema } from './task'

/**
 * Whole-collection shapes: the export file (which is also the import body) and the summary
 * counts. Browser-safe, like task.ts. See docs/decisions/0108-export-import.md.
 */

export const TASK_EXPORT_VERSION = 1
export const taskExportFormats = ['json', 'csv', 'ics'] as const
export type TaskExportFormat = (typeof taskExportFormats)[number]

/** Most tasks one import may hold. */
export const TASK_IMPORT_MAX = 5_000
/** Largest import body: room for the cap at an average of about 1 KiB per task. */
export const TASK_IMPORT_BODY_LIMIT_BYTES = 5 * 1024 * 1024

/** A calendar date PostgreSQL can store (there is no year 0). */
export const calendarDateSchema = z.iso
  .date('A date is a calendar date, YYYY-MM-DD')
  .refine((value) => !value.startsWith('0000-'), 'There is no year 0000')

// Task times before 1970 mean a broken file, and JavaScript reads years below 100 back as 19xx.
const EARLIEST = Date.parse('1970-01-01T00:00:00Z')
const LATEST = Date.parse('9999-12-31T23:59:59.999Z')

/** An instant from 1970 to the end of 9999 (in UTC), with `Z` or an offset. */
const instantSchema = z.iso
  .datetime({ offset: true, message: 'A time is an ISO 8601 date-time, e.g. 2026-11-27T10:00:00Z' })
  .refine((value) => {
    const time = Date.parse(value)
    return time >= EARLIEST && time <= LATEST
  }, 'A time must fall between 1970 and the end of 9999')

export const taskExportQuerySchema = z.object({
  format: z.enum(taskExportFormats).default('json').describe('json (re-importable), csv or ics'),
})

/** The JSON export: every field of every task, oldest first. */
export const taskExportSchema = z
  .object({
    version: z.literal(TASK_EXPORT_VERSION),
    exportedAt: z.iso.datetime(),
    tasks: z.array(taskSchema),
  })
  .meta({ id: 'TaskExport' })

export type TaskExport = z.infer<typeof taskExportSchema>

/**
 * One task of an import: a task as the export writes it. `id` and `userId` are accepted and
 * ignored (imported tasks get new ids and the caller's id); the timestamps are kept.
 */
export const importTaskSchema = createTaskSchema
  .extend({
    id: z.uuid().optional().describe('Ignored: the imported task gets a new id'),
    userId: z.uuid().optional().describe('Ignored: the imported task is yours'),
    dueDate: calendarDateSchema.nullable().default(null),
    completedAt: instantSchema
      .nullable()
      .default(null)
      .describe('Kept; a completed task without one is completed at import time'),
    createdAt: instantSchema.optional().describe('Kept; import time when absent'),
    updatedAt: instantSchema.optional().describe('Kept; import time when absent'),
  })
  .superRefine((value, context) => {
    if (!value.completed && value.completedAt !== null) {
      context.addIssue({
        code: 'custom',
        path: ['completedAt'],
        message: 'Only a completed task has a completion time',
      })
    }
  })
  .meta({ id: 'ImportTask' })

export type ImportTask = z.output<typeof importTaskSchema>

/** POST /api/{user_id}/tasks/import: the JSON export. */
export const taskImportSchema = z
  .strictObject({
    version: z.literal(TASK_EXPORT_VERSION),
    exportedAt: z.iso.datetime({ offset: true }).optional(),
    tasks: z
      .array(importTaskSchema)
      .max(
        TASK_IMPORT_MAX,
        `An import holds at most ${TASK_IMPORT_MAX.toLocaleString('en')} tasks; split the file`,
      ),
  })
  .meta({ id: 'TaskImport' })

export type TaskImportInput = z.input<typeof taskImportSchema>

export const taskImportResultSchema = z
  .object({ imported: z.number().int().min(0).describe('Tasks created') })
  .meta({ id: 'TaskImportResult' })

export type TaskImportResult = z.infer<typeof taskImportResultSchema>

export const taskSummaryQuerySchema = z.object({
  today: calendarDateSchema
    .optional()
    .describe("The caller's local date, YYYY-MM-DD; default: the server's date in UTC"),
})

/** GET /api/{user_id}/tasks/summary. Overdue and due today count pending tasks only. */
export const taskSummarySchema = z
  .object({
    pending: z.number().int().min(0),
    completed: z.number().int().min(0),
    overdue: z.number().int().min(0).describe('Pending, due before `today`'),
    dueToday: z.number().int().min(0).describe('Pending, due on `today`'),
  })
  .meta({ id: 'TaskSummary' })

export type TaskSummary = z.infer<typeof taskSummarySchema>
