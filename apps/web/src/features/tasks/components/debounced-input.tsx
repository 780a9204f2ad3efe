'use client'

import { useEffect, useRef, useState, type ComponentProps } from 'react'
import { Input } from '@/components/ui/input'

export interface DebouncedInputProps extends Omit<
  ComponentProps<typeof Input>,
  'value' | 'onChange'
> {
  /** The value in effect (from the URL). */
  value: string
  /** Called with the trimmed text once typing pauses. */
  onCommit: (value: string) => void
  delay?: number
}

/** A text box that reports what was typed once typing pauses, not on every key. */
export function DebouncedInput({ value, onCommit, delay = 300, ...props }: DebouncedInputProps) {
  const [draft, setDraft] = useState(value)
  const committed = useRef(value)

  // Changed from elsewhere (Clear filters, Back): show it, unless it is what was just sent.
  useEffect(() => {
    if (value === committed.current) return
    committed.current = value
    setDraft(value)
  }, [value])

  useEffect(() => {
    const next = draft.trim()
    if (next === committed.current) return
    const timer = setTimeout(() => {
      committed.current = next
      onCommit(next)
    }, delay)
    return () => clearTimeout(timer)
  }, [draft, delay, onCommit])

  return <Input {...props} value={draft} onChange={(event) => setDraft(event.target.value)} />
}
