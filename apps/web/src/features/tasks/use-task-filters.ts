'use client'

import { usePathname, useSearchParams } from 'next/navigation'
import { useCallback, useMemo } from 'react'
import { filtersFromSearchParams, searchParamsFromFilters, type TaskFilters } from './task-filters'

/**
 * The dashboard's filters, search and sort, kept in the URL: a view can be shared as a link and
 * survives a reload (docs/decisions/0453).
 *
 * The URL is written with `history.replaceState`, which the App Router syncs into
 * `useSearchParams`: the address bar changes at once, so two quick changes (a priority, then a
 * debounced category) build on each other, and no server render is asked for, since the list is
 * fetched in the browser. `replace`, not `push`: typing a search is not ten Back steps.
 */
export function useTaskFilters() {
  const searchParams = useSearchParams()
  const pathname = usePathname()
  const filters = useMemo(() => filtersFromSearchParams(searchParams), [searchParams])

  const setFilters = useCallback(
    (change: Partial<TaskFilters>) => {
      const current = filtersFromSearchParams(new URLSearchParams(window.location.search))
      const query = searchParamsFromFilters({ ...current, ...change }).toString()
      window.history.replaceState(null, '', query ? `${pathname}?${query}` : pathname)
    },
    [pathname],
  )

  return { filters, setFilters }
}
