import { expect, test } from 'vitest'
import { defaultFilters, filtersFromSearchParams, searchParamsFromFilters } from './task-filters'

test('a view survives the trip through the URL', () => {
  const filters = {
    status: 'pending',
    priority: 'high',
    category: 'Work',
    q: 'report',
    sort: 'dueDate',
  } as const
  const query = searchParamsFromFilters(filters).toString()
  expect(query).toBe('status=pending&priority=high&category=Work&q=report&sort=dueDate')
  expect(filtersFromSearchParams(new URLSearchParams(query))).toEqual(filters)
})

test('the default view is a URL without a query', () => {
  expect(searchParamsFromFilters(defaultFilters).toString()).toBe('')
  expect(filtersFromSearchParams(new URLSearchParams(''))).toEqual(defaultFilters)
})

test('values the api would refuse fall back to the defaults instead of failing the page', () => {
  const filters = filtersFromSearchParams(
    new URLSearchParams({
      status: 'archived',
      priority: 'urgent',
      sort: 'random',
      q: '   ',
      category: 'x'.repeat(51),
    }),
  )
  expect(filters).toEqual(defaultFilters)
})

test('a search and a category are read trimmed, and kept up to their limits', () => {
  const filters = filtersFromSearchParams(
    new URLSearchParams({ q: `  ${'q'.repeat(200)} `, category: ' Work ', priority: 'low' }),
  )
  expect(filters).toEqual({
    ...defaultFilters,
    priority: 'low',
    category: 'Work',
    q: 'q'.repeat(200),
  })
  expect(filtersFromSearchParams(new URLSearchParams({ q: 'q'.repeat(201) })).q).toBeUndefined()
  expect(filtersFromSearchParams(new URLSearchParams({ sort: '-title' })).sort).toBe('-title')
})
