import { expect, test } from 'vitest'
import { driftedFiles } from './generate'

test('the committed client types match the OpenAPI documents the services serve', async () => {
  const drifted = await driftedFiles()
  expect(
    drifted,
    'regenerate with `npm run generate -w @taskwise/api-client` and commit the result',
  ).toEqual([])
})
