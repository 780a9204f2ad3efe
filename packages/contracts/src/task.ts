import { z } from 'zod'
import { NUL_MESSAGE, WITHOUT_NUL } from './text'
import {
  TASK_CATEGORY_MAX,
  TASK_DESCRIPTION_MAX,
  TASK_LIST_LIMIT_DEFAULT,
  TASK_LIST_LIMIT_MAX,
  TASK_TITLE_MAX,
  taskPriorities,
  taskSorts,
  taskStatuses,
  type TaskSort,
} from './task-values'

export * from './task-values'

/**
 * Task shapes, shared by the web app's forms and the API's validation and OpenAPI document.
 * One schema per shape; types are inferred, never written twice. Browser-safe: no Node-only
 * imports. Input objects are strict: an unknown field is a 400 that names it, never dropped.
 */

export const taskPrioritySchema = z.enum(taskPriorities)

const title = z
  .string()
  .trim()
  .min(1, 'Give the task a title')
  .max(TASK_TITLE_MAX, `A title has at most ${TASK_TITLE_MAX} characters`)
  .regex(WITHOUT_NUL, NUL_MESSAGE)
const description = z
  .string()
  .max(TASK_DESCRIPTION_MAX, `A description has at most ${TASK_DESCRIPTION_MAX} characters`)
  .regex(WITHOUT_NUL, NUL_MESSAGE)
const category = z
  .string()
  .trim()
  .min(1, 'A category cannot be empty; send null for none')
  .max(TASK_CATEGORY_MAX, `A category has at most ${TASK_CATEGORY_MAX} characters`)
  .regex(WITHOUT_NUL, NUL_MESSAGE)
// The pattern allows year 0000, which PostgreSQL's date has not.
const dueDate = z.iso
  .date('A due date is a calendar date, YYYY-MM-DD')
  .refine((value) => !value.startsWith('0000-'), 'There is no year 0000')

/** A task as the API returns it. */
export const taskSchema = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    title: z.string(),
    description: z.string(),
    completed: z.boolean(),
    priority: taskPrioritySchema,
    category: z.string().nullable(),
    dueDate: z.iso.date().nullable(),
    completedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Task' })

export type Task = z.infer<typeof taskSchema>

/** POST /api/{user_id}/tasks. The owner comes from the token, so `userId` is an unknown field. */
export const createTaskSchema = z
  .strictObject({
    title,
    description: description.default(''),
    priority: taskPrioritySchema.default('medium'),
    category: category.nullable().default(null),
    dueDate: dueDate.nullable().default(null),
    completed: z.boolean().default(false),
  })
  .meta({ id: 'CreateTask' })

export type CreateTaskInput = z.input<typeof createTaskSchema>
export type CreateTask = z.output<typeof createTaskSchema>

/** PUT /api/{user_id}/tasks/{task_id}: the fields given are updated, the others kept. */
export const updateTaskSchema = z
  .strictObject({
    title: title.optional(),
    description: description.optional(),
    priority: taskPrioritySchema.optional(),
    category: category.nullable().optional(),
    dueDate: dueDate.nullable().optional(),
    completed: z.boolean().optional(),
  })
  .refine((value) => Object.values(value).some((field) => field !== undefined), {
    message: 'Give at least one field to update',
  })
  .meta({ id: 'UpdateTask' })

export type UpdateTaskInput = z.input<typeof updateTaskSchema>
export type UpdateTask = z.output<typeof updateTaskSchema>

/** PATCH /api/{user_id}/tasks/{task_id}/complete: no body toggles; `{completed}` sets. */
export const completeTaskSchema = z.strictObject({ completed: z.boolean() }).nullish()

export type CompleteTaskInput = z.input<typeof completeTaskSchema>

export const taskSortSchema = z.enum(taskSorts as [TaskSort, ...TaskSort[]])

/**
 * GET /api/{user_id}/tasks. Unknown query parameters are ignored (a cache-buster must not fail a
 * list); in particular a `userId` here changes nothing: the owner comes from the token.
 */
export const listTasksQuerySchema = z.object({
  status: z.enum(taskStatuses).default('all'),
  priority: taskPrioritySchema.optional(),
  category: category.optional(),
  q: z
    .string()
    .trim()
    .min(1)
    .max(TASK_TITLE_MAX)
    .regex(WITHOUT_NUL, NUL_MESSAGE)
    .optional()
    .describe('Searched in title and description'),
  sort: taskSortSchema.default('-created'),
  limit: z.coerce.number().int().min(1).max(TASK_LIST_LIMIT_MAX).default(TASK_LIST_LIMIT_DEFAULT),
  cursor: z.string().min(1).max(1_000).optional().describe('The nextCursor of the previous page'),
})

export type ListTasksQuery = z.output<typeof listTasksQuerySchema>
export type ListTasksQueryInput = z.input<typeof listTasksQuerySchema>

export const taskListSchema = z
  .object({
    items: z.array(taskSchema),
    nextCursor: z
      .string()
      .nullable()
      .describe('Pass as `cursor` for the next page; null on the last page'),
  })
  .meta({ id: 'TaskList' })

export type TaskList = z.infer<typeof taskListSchema>

export const taskParamsSchema = z.object({ user_id: z.uuid(), task_id: z.uuid() })
export const userParamsSchema = z.object({ user_id: z.uuid() })
