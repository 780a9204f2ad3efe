'use client'

import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import { useCallback, useMemo } from 'react'
import { filtersFromSearchParams, searchParamsFromFilters, type TaskFilters } from './task-filters'

/**
 * The dashboard's filters, search and sort, kept in the URL: a view can be shared as a link and
 * survives a reload. Changes replace the history entry (typing a search is not ten Back steps).
 */
export function useTaskFilters() {
  const searchParams = useSearchParams()
  const router = useRouter()
  const pathname = usePathname()
  const filters = useMemo(() => filtersFromSearchParams(searchParams), [searchParams])

  const setFilters = useCallback(
    (change: Partial<TaskFilters>) => {
      // The address bar, not a render's copy: a debounced search lands after other changes.
      const current = filtersFromSearchParams(new URLSearchParams(window.location.search))
      const query = searchParamsFromFilters({ ...current, ...change }).toString()
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false })
    },
    [pathname, router],
  )

  return { filters, setFilters }
}
