'use client'

import { useState } from 'react'
import type { TaskFormFailure } from './components/task-form'

/**
 * Whether one task's edit dialog is open, whether it has been opened yet (its code loads then),
 * and the refusal it shows. Each press of Edit starts from the task: it clears the last failure.
 */
export function useTaskEditing() {
  const [open, setOpen] = useState(false)
  const [started, setStarted] = useState(false)
  const [failure, setFailure] = useState<TaskFormFailure>()
  return {
    open,
    setOpen,
    started,
    failure,
    setFailure,
    /** What a press of Edit does. */
    start() {
      setFailure(undefined)
      setStarted(true)
      setOpen(true)
    },
  }
}
