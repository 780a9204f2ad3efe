import type { Task } from '@taskwise/contracts/task'
import type { Resolver } from 'react-hook-form'
import type * as TaskFormSchemaModule from './task-form-schema'
import type { TaskFormOutput, TaskFormValues } from './task-form-schema'

/**
 * What the task form holds, without its schema: the form renders (and the dashboard hydrates)
 * with this module; the schema, zod and the contract's task schemas load when the form is first
 * focused, and at the latest when it is first validated (docs/decisions/0312).
 */

export type { TaskFormOutput, TaskFormValues }

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

let schemaModule: Promise<typeof TaskFormSchemaModule> | undefined

/** Starts loading the form's schema (once); a failed load is tried again on the next call. */
export function loadTaskFormSchema(): Promise<typeof TaskFormSchemaModule> {
  schemaModule ??= import('./task-form-schema').catch((error: unknown) => {
    schemaModule = undefined
    throw error
  })
  return schemaModule
}

/** The form's resolver: the contract's rules and messages, from the schema loaded on first use. */
export const taskFormResolver: Resolver<TaskFormValues, unknown, TaskFormOutput> = async (
  values,
  context,
  options,
) => (await loadTaskFormSchema()).resolveTaskForm(values, context, options)
