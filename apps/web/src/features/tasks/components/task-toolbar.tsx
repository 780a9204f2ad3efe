'use client'

import { taskPriorities, type TaskPriority, type TaskSort } from '@taskwise/contracts/task-values'
import { Search } from 'lucide-react'
import { useCallback } from 'react'
import { Field } from '@/components/ui/field'
import { Label } from '@/components/ui/label'
import { NativeSelect } from '@/components/ui/native-select'
import type { TaskFilters, TaskStatusFilter } from '../task-filters'
import { DebouncedInput } from './debounced-input'

const statusOptions: { value: TaskStatusFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'pending', label: 'To do' },
  { value: 'completed', label: 'Done' },
]

const sortOptions: { value: TaskSort; label: string }[] = [
  { value: '-created', label: 'Newest first' },
  { value: 'created', label: 'Oldest first' },
  { value: 'dueDate', label: 'Due soonest' },
  { value: '-dueDate', label: 'Due latest' },
  { value: '-priority', label: 'Highest priority' },
  { value: 'priority', label: 'Lowest priority' },
  { value: 'title', label: 'Title A–Z' },
  { value: '-title', label: 'Title Z–A' },
  { value: '-updated', label: 'Recently changed' },
]

const priorityLabels = { low: 'Low', medium: 'Medium', high: 'High' } as const

const priorityOptions: { value: TaskPriority | ''; label: string }[] = [
  { value: '', label: 'Any' },
  ...taskPriorities.map((priority) => ({ value: priority, label: priorityLabels[priority] })),
]

/** A labelled native select over a fixed set of typed options. */
function SelectField<Value extends string>({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string
  label: string
  value: Value
  options: { value: Value; label: string }[]
  onChange: (value: Value) => void
}) {
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      <NativeSelect
        id={id}
        value={value}
        // The options are exactly `options`, so the selected value is one of them.
        onChange={(event) => onChange(event.target.value as Value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </NativeSelect>
    </Field>
  )
}

export interface TaskToolbarProps {
  filters: TaskFilters
  onChange: (change: Partial<TaskFilters>) => void
  /** Categories seen in the list, offered as suggestions. */
  categories: string[]
}

/** Search, filters and sort of the task list. */
export function TaskToolbar({ filters, onChange, categories }: TaskToolbarProps) {
  const commitSearch = useCallback((q: string) => onChange({ q: q || undefined }), [onChange])
  const commitCategory = useCallback(
    (category: string) => onChange({ category: category || undefined }),
    [onChange],
  )

  return (
    <section aria-label="Search, filter and sort" className="grid gap-3">
      <Field>
        <Label htmlFor="task-search" className="sr-only">
          Search tasks
        </Label>
        <div className="relative">
          <Search
            aria-hidden
            className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
          />
          <DebouncedInput
            id="task-search"
            type="search"
            placeholder="Search titles and descriptions"
            className="pl-9"
            value={filters.q ?? ''}
            onCommit={commitSearch}
          />
        </div>
      </Field>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <SelectField
          id="task-status"
          label="Status"
          value={filters.status}
          options={statusOptions}
          onChange={(status) => onChange({ status })}
        />
        <SelectField
          id="task-priority"
          label="Priority"
          value={filters.priority ?? ''}
          options={priorityOptions}
          onChange={(priority) => onChange({ priority: priority || undefined })}
        />
        <Field>
          <Label htmlFor="task-category">Category</Label>
          <DebouncedInput
            id="task-category"
            list="task-category-suggestions"
            autoComplete="off"
            placeholder="Any"
            value={filters.category ?? ''}
            onCommit={commitCategory}
          />
          <datalist id="task-category-suggestions">
            {categories.map((category) => (
              <option key={category} value={category} />
            ))}
          </datalist>
        </Field>
        <SelectField
          id="task-sort"
          label="Sort"
          value={filters.sort}
          options={sortOptions}
          onChange={(sort) => onChange({ sort })}
        />
      </div>
    </section>
  )
}
