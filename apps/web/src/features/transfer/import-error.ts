import { ApiError, errorMessage } from '@/lib/problem-error'

/** "task 18 in the file (title)" for `tasks.17.title`: people count records from 1. */
function placeOf(path: string): string {
  const record = /^tasks\.(\d+)(?:\.(.+))?$/.exec(path)
  if (record) {
    const field = record[2] ? ` (${record[2]})` : ''
    return `Task ${Number(record[1]) + 1} in the file${field}`
  }
  return path === '' || path === 'tasks' ? 'The file' : `The file (${path})`
}

/** Why an import was refused, naming the first bad record when the api named one. */
export function importErrorMessage(error: unknown): string {
  const first = error instanceof ApiError ? error.fieldErrors[0] : undefined
  if (first) {
    return `Nothing was imported. ${placeOf(first.path)}: ${first.message.replace(/\.$/, '')}.`
  }
  return `Nothing was imported. ${errorMessage(error)}`
}
