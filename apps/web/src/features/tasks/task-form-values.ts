import type { Task } from '@taskwise/contracts/task'
import { lazyResolver } from '@/lib/lazy-resolver'
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

/** The form's resolver: the contract's rules and messages, from the schema loaded on first use. */
export const { resolver: taskFormResolver, preload: preloadTaskFormRules } = lazyResolver(() =>
  import('./task-form-schema').then((module) => module.resolveTaskForm),
)
