'use client'

import { useSyncExternalStore } from 'react'
import { localToday } from './task-dates'

const noUpdates = () => () => {}

/**
 * Today in the person's own time zone, or null while the server renders and the browser hydrates:
 * the server's "today" need not be theirs, so what depends on it (overdue) appears just after
 * hydration instead of mismatching it.
 */
export function useLocalToday(): string | null {
  return useSyncExternalStore(noUpdates, localToday, () => null)
}
