'use client'

import { taskPriorities } from '@taskwise/contracts/task-values'
import { ChevronDown, Plus } from 'lucide-react'
import { useEffect, useId, useState } from 'react'
import { useForm, type FieldErrors, type UseFormReturn } from 'react-hook-form'
import { Button } from '@/components/ui/button'
import { errorAria, Field, FieldError } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { Label } from '@/components/ui/label'
import { NativeSelect } from '@/components/ui/native-select'
import { Textarea } from '@/components/ui/textarea'
import { cn } from '@/lib/utils'
import { applyServerFieldErrors } from '../form-errors'
import {
  emptyTaskForm,
  preloadTaskFormRules,
  TASK_FORM_FIELDS,
  taskFormResolver,
  type TaskFormOutput,
  type TaskFormValues,
} from '../task-form-values'

/** A refusal to show again in the form: what was typed, and the server's answer. */
export interface TaskFormFailure {
  values: TaskFormValues
  error: unknown
}

export interface TaskFormProps {
  /** `quick`: one title line that Enter submits, the other fields behind "More options". */
  variant?: 'quick' | 'full'
  defaultValues?: TaskFormValues
  submitLabel: string
  /**
   * Called with valid values. A returned promise that rejects with an ApiError puts its field
   * errors next to the fields; an optimistic caller returns nothing and reports a late refusal
   * through `failure`.
   */
  onSubmit: (values: TaskFormOutput, typed: TaskFormValues) => void | Promise<void>
  /** Empties the form as soon as it is submitted (quick add: ready for the next task). */
  resetOnSubmit?: boolean
  failure?: TaskFormFailure | undefined
  onCancel?: () => void
}

/**
 * Puts a server refusal's field messages next to their fields and returns what is left for the
 * whole form. A message about a field behind "More options" opens them: a message nobody can see
 * helps no one.
 */
function showRefusal(
  form: UseFormReturn<TaskFormValues, unknown, TaskFormOutput>,
  error: unknown,
  reveal: () => void,
): string | undefined {
  const rest = applyServerFieldErrors(error, TASK_FORM_FIELDS, form.setError)
  if (TASK_FORM_FIELDS.some((field) => field !== 'title' && form.getFieldState(field).error)) {
    reveal()
  }
  return rest
}

const priorityLabels = { low: 'Low', medium: 'Medium', high: 'High' } as const

export function TaskForm({
  variant = 'full',
  defaultValues = emptyTaskForm,
  submitLabel,
  onSubmit,
  resetOnSubmit = false,
  failure,
  onCancel,
}: TaskFormProps) {
  const id = useId()
  const [expanded, setExpanded] = useState(variant === 'full')
  const [formError, setFormError] = useState<string>()
  const form = useForm<TaskFormValues, unknown, TaskFormOutput>({
    resolver: taskFormResolver,
    defaultValues,
  })
  const {
    formState: { errors, isSubmitting },
  } = form

  useEffect(() => {
    if (!failure) return
    // Quick add: a refusal that arrives while the next task is being typed leaves that alone
    // (the toast has said what happened).
    if (resetOnSubmit && form.getValues('title') !== '') return
    form.reset(failure.values)
    setFormError(showRefusal(form, failure.error, () => setExpanded(true)))
  }, [failure, form, resetOnSubmit])

  async function submit(values: TaskFormOutput) {
    setFormError(undefined)
    const typed = form.getValues()
    if (resetOnSubmit) form.reset(emptyTaskForm)
    try {
      await onSubmit(values, typed)
    } catch (error) {
      if (resetOnSubmit) form.reset(typed)
      setFormError(showRefusal(form, error, () => setExpanded(true)))
    }
  }

  // The browser's own refusal of a field behind "More options" opens them too.
  function revealInvalid(invalid: FieldErrors<TaskFormValues>) {
    if (Object.keys(invalid).some((field) => field !== 'title')) setExpanded(true)
  }

  const fieldId = (name: string) => `${id}-${name}`
  const errorIdOf = (name: string) => `${fieldId(name)}-error`
  const aria = (name: (typeof TASK_FORM_FIELDS)[number]) =>
    errorAria(errorIdOf(name), Boolean(errors[name]))

  const titleField = (
    <Field className={cn('min-w-0 flex-1', variant === 'quick' && 'basis-full sm:basis-0')}>
      <Label htmlFor={fieldId('title')} className={cn(variant === 'quick' && 'sr-only')}>
        {variant === 'quick' ? 'New task title' : 'Title'}
      </Label>
      <Input
        id={fieldId('title')}
        autoComplete="off"
        placeholder={variant === 'quick' ? 'Add a task and press Enter' : undefined}
        {...aria('title')}
        {...form.register('title')}
      />
      <FieldError id={errorIdOf('title')} message={errors.title?.message} />
    </Field>
  )

  return (
    <form
      noValidate
      onSubmit={form.handleSubmit(submit, revealInvalid)}
      // The rules load while the task is typed, so a submit does not wait for them.
      onFocus={preloadTaskFormRules}
      className="grid gap-4"
    >
      {formError ? (
        <p
          role="alert"
          className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm"
        >
          {formError}
        </p>
      ) : null}

      {variant === 'quick' ? (
        <div className="flex flex-wrap items-start gap-2">
          {titleField}
          <div className="flex gap-2">
            <Button type="submit" disabled={isSubmitting}>
              <Plus aria-hidden />
              {submitLabel}
            </Button>
            <Button
              type="button"
              variant="outline"
              aria-expanded={expanded}
              aria-controls={fieldId('details')}
              onClick={() => setExpanded((open) => !open)}
            >
              <ChevronDown
                aria-hidden
                className={cn('transition-transform', expanded && 'rotate-180')}
              />
              More options
            </Button>
          </div>
        </div>
      ) : (
        titleField
      )}

      <div id={fieldId('details')} hidden={!expanded} className="grid gap-4 sm:grid-cols-3">
        <Field className="sm:col-span-3">
          <Label htmlFor={fieldId('description')}>Description</Label>
          <Textarea
            id={fieldId('description')}
            rows={3}
            {...aria('description')}
            {...form.register('description')}
          />
          <FieldError id={errorIdOf('description')} message={errors.description?.message} />
        </Field>
        <Field>
          <Label htmlFor={fieldId('priority')}>Priority</Label>
          <NativeSelect
            id={fieldId('priority')}
            {...aria('priority')}
            {...form.register('priority')}
          >
            {taskPriorities.map((priority) => (
              <option key={priority} value={priority}>
                {priorityLabels[priority]}
              </option>
            ))}
          </NativeSelect>
          <FieldError id={errorIdOf('priority')} message={errors.priority?.message} />
        </Field>
        <Field>
          <Label htmlFor={fieldId('category')}>Category</Label>
          <Input
            id={fieldId('category')}
            autoComplete="off"
            placeholder="e.g. Work"
            {...aria('category')}
            {...form.register('category')}
          />
          <FieldError id={errorIdOf('category')} message={errors.category?.message} />
        </Field>
        <Field>
          <Label htmlFor={fieldId('dueDate')}>Due date</Label>
          <Input
            id={fieldId('dueDate')}
            type="date"
            {...aria('dueDate')}
            {...form.register('dueDate')}
          />
          <FieldError id={errorIdOf('dueDate')} message={errors.dueDate?.message} />
        </Field>
      </div>

      {variant === 'full' ? (
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          {onCancel ? (
            <Button type="button" variant="outline" onClick={onCancel}>
              Cancel
            </Button>
          ) : null}
          <Button type="submit" disabled={isSubmitting}>
            {submitLabel}
          </Button>
        </div>
      ) : null}
    </form>
  )
}
