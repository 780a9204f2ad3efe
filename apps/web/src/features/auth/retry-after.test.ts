import { expect, test } from 'vitest'
import { waitPhrase } from './retry-after'

test.each([
  [1, 'in a second'],
  [45, 'in 45 seconds'],
  [60, 'in a minute'],
  [61, 'in 2 minutes'],
  [900, 'in 15 minutes'],
])('a wait of %i seconds reads "%s"', (seconds, phrase) => {
  expect(waitPhrase(seconds)).toBe(phrase)
})
