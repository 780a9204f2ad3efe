import type { TaskExportFormat } from '@taskwise/contracts/task-transfer'
import { tasksPath } from '@/features/tasks/api/list-tasks'

/**
 * GET /api/{userId}/tasks/export?format=: a plain link, so the browser downloads the streamed
 * file itself (the api names it in Content-Disposition). It goes through the web origin's
 * rewrite, with the httpOnly JWT cookie; a GET needs no Origin check.
 */
export function exportTasksUrl(userId: string, format: TaskExportFormat): string {
  return `${tasksPath(userId)}/export?${new URLSearchParams({ format })}`
}
