import { zodResolver } from '@hookform/resolvers/zod'
import { createTaskSchema, taskPrioritySchema } from '@taskwise/contracts/task'
import { z } from 'zod'

/**
 * The task form: what the inputs hold (strings; empty means "none"), piped into the shared
 * contract schema, so the browser refuses exactly what the api would, with the same messages.
 * `completed` is the checkbox's business, never the form's. Loaded on first use through
 * `task-form-values.ts`, which holds what the form needs to render.
 */
const taskFieldsSchema = createTaskSchema.omit({ completed: true })

export const taskFormSchema = z
  .object({
    title: z.string(),
    description: z.string(),
    priority: taskPrioritySchema,
    category: z.string(),
    dueDate: z.string(),
  })
  .transform((values): z.input<typeof taskFieldsSchema> => ({
    ...values,
    category: values.category.trim() === '' ? null : values.category,
    dueDate: values.dueDate === '' ? null : values.dueDate,
  }))
  .pipe(taskFieldsSchema)

export type TaskFormValues = z.input<typeof taskFormSchema>
export type TaskFormOutput = z.output<typeof taskFormSchema>

/** The resolver react-hook-form calls (through `taskFormResolver`, which loads this module). */
export const resolveTaskForm = zodResolver(taskFormSchema)
