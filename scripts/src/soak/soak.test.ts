import { expect, test } from 'vitest'
import { readSettings } from '../lib/settings'
import { soakOnFreshCluster } from './fresh-cluster'

/**
 * The short soak of `npm test` (the full one is `npm run soak`): 50 users at once through nginx
 * while one api and one web instance are killed and started again.
 */
test('50 users through nginx, an api and a web instance killed and restarted: nothing lost, leaked or failed outside the faults', async () => {
  const figures = await soakOnFreshCluster({
    port: readSettings().SOAK_PORT,
    users: 50,
    operations: 1_200,
    seconds: 150,
    log: (line) => console.log(line),
  })
  console.log(`soak: ${JSON.stringify({ ...figures, servedBy: undefined })}`)
  expect(figures.invariants.violations).toEqual([])
  expect(figures.faults.map((fault) => fault.instance)).toEqual(['api-1', 'web-2'])
  expect(figures.operations).toBeGreaterThanOrEqual(1_200)
  expect(figures.invariants).toMatchObject({ usersChecked: 50, mismatches: 0, leaks: 0 })
  expect(figures.invariants.tasksChecked).toBeGreaterThan(50)
  expect(figures.failuresOutsideFaultWindows).toBe(0)
  expect(figures.gaveUp).toBe(0)
  // Every instance served requests, the restarted ones included.
  const served = Object.keys(figures.servedBy).filter((address) => address.startsWith('127.0.0.1:'))
  expect(new Set(served).size).toBe(4)
})
