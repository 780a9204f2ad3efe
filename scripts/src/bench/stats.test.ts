import { expect, test } from 'vitest'
import { median, percentile, summarize } from './stats'

test('a percentile is the nearest-rank sample: p95 of 1..100 is 95 and p50 of 1..4 is 2', () => {
  const hundred = Array.from({ length: 100 }, (_, index) => index + 1)
  expect(percentile(hundred, 95)).toBe(95)
  expect(percentile(hundred, 99)).toBe(99)
  expect(percentile([1, 2, 3, 4], 50)).toBe(2)
  expect(percentile([7], 99)).toBe(7)
})

test('a summary sorts the samples itself and reports count, mean, percentiles and max', () => {
  expect(summarize([3, 1, 2, 10])).toEqual({ count: 4, mean: 4, p50: 2, p95: 10, p99: 10, max: 10 })
})

test('a summary of no samples says so with NaN rather than inventing a latency', () => {
  const empty = summarize([])
  expect(empty.count).toBe(0)
  expect(empty.p95).toBeNaN()
})

test('the median of an even number of rounds is the lower middle one (a real round, not an average)', () => {
  expect(median([1900, 1500, 2100, 1700])).toBe(1700)
  expect(median([3, 1, 2])).toBe(2)
})
