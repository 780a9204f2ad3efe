import type { TaskExportFormat } from '@taskwise/contracts/task-transfer'
import { Download } from 'lucide-react'
import { Button } from '@/components/ui/button'
import { SettingsSection } from '@/features/account/components/settings-section'
import { exportTasksUrl } from '../api/export-tasks'
import { ImportForm } from './import-form'

const formats: { format: TaskExportFormat; label: string; use: string }[] = [
  { format: 'json', label: 'Export as JSON', use: 'every task, to import here again' },
  { format: 'csv', label: 'Export as CSV', use: 'for spreadsheets' },
  { format: 'ics', label: 'Export as iCalendar', use: 'tasks with a due date, for calendar apps' },
]

/** Take every task away (three formats), or bring a JSON export back in. */
export function TransferSection({ userId }: { userId: string }) {
  return (
    <SettingsSection
      id="export-import"
      title="Export and import"
      description="Download all of your tasks, or add the tasks of a Taskwise JSON export."
    >
      <div className="grid gap-6">
        <ul className="grid gap-3" aria-label="Export formats">
          {formats.map(({ format, label, use }) => (
            <li key={format} className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <Button asChild variant="outline" size="sm">
                <a href={exportTasksUrl(userId, format)} download>
                  <Download aria-hidden />
                  {label}
                </a>
              </Button>
              <span className="text-sm text-muted-foreground">{use}</span>
            </li>
          ))}
        </ul>
        <div className="grid gap-3 border-t pt-5">
          <h3 className="font-medium">Import from a JSON export</h3>
          <ImportForm userId={userId} />
        </div>
      </div>
    </SettingsSection>
  )
}
