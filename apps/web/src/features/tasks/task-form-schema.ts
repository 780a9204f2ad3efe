import { createTaskSchema, taskPrioritySchema, type Task } from '@taskwise/contracts/task'
import { z } from 'zod'

/**
 * The task form: what the inputs hold (strings; empty means "none"), piped into the shared
 * contract schema, so the browser refuses exactly what the api would, with the same messages.
 * `completed` is the checkbox's business, never the form's.
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

export const TASK_FORM_FIELDS = ['title', 'description', 'priority', 'category', 'dueDate'] as const

export const emptyTaskForm: TaskFormValues = {
  title: '',
  description: '',
  priority: 'medium',
  category: '',
  dueDate: '',
}

export function formValuesOf(task: Task): TaskFormValues {
  return {
    title: task.title,
    description: task.description,
    priority: task.priority,
    category: task.category ?? '',
    dueDate: task.dueDate ?? '',
  }
}
