'use client'

import { ACTIVITY_RETENTION_DAYS, type ActivityItem } from '@taskwise/contracts/account'
import { useState } from 'react'
import { Button } from '@/components/ui/button'
import { cn } from '@/lib/utils'
import { ACTIVITY_LABELS } from '../activity-labels'
import { useActivity } from '../api/list-activity'
import { ListError, ListSkeleton } from './list-states'
import { LocalTime } from './local-time'
import { SettingsSection } from './settings-section'

/** How many entries show at first; "Show more" adds as many again. */
export const ACTIVITY_PAGE = 10

/** What happened to the account lately: sign-ins, failed attempts, changes. */
export function ActivitySection() {
  const activity = useActivity()
  const [shown, setShown] = useState(ACTIVITY_PAGE)

  return (
    <SettingsSection
      id="activity"
      title="Recent activity"
      description={`Sign-ins and changes to your account over the last ${ACTIVITY_RETENTION_DAYS} days, newest first.`}
    >
      {activity.isPending ? (
        <ListSkeleton label="Loading recent activity…" rows={3} />
      ) : activity.isError ? (
        <ListError
          what="Recent activity could not be loaded."
          error={activity.error}
          onRetry={() => void activity.refetch()}
        />
      ) : activity.data.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          Nothing in the last {ACTIVITY_RETENTION_DAYS} days.
        </p>
      ) : (
        <div className="grid gap-3">
          <ol className="grid divide-y rounded-lg border" aria-label="Account activity">
            {activity.data.slice(0, shown).map((item, index) => (
              <ActivityRow key={`${item.at}-${item.type}-${index}`} item={item} />
            ))}
          </ol>
          {activity.data.length > shown ? (
            <Button
              variant="outline"
              className="justify-self-start"
              onClick={() => setShown((count) => count + ACTIVITY_PAGE)}
            >
              Show more ({activity.data.length - shown} left)
            </Button>
          ) : null}
        </div>
      )}
    </SettingsSection>
  )
}

function ActivityRow({ item }: { item: ActivityItem }) {
  return (
    <li className="grid gap-1 px-4 py-3 sm:grid-cols-[1fr_auto] sm:gap-x-4">
      {/* A failed attempt stands out: it is the entry someone may not recognise. */}
      <p className={cn('font-medium', item.type === 'sign_in_failed' && 'text-destructive')}>
        {ACTIVITY_LABELS[item.type]}
      </p>
      <p className="text-sm text-muted-foreground sm:row-span-2 sm:text-right">
        <LocalTime iso={item.at} />
      </p>
      <p className="text-sm break-all text-muted-foreground">
        {item.device} · IP address: {item.ip ?? 'unknown'}
      </p>
    </li>
  )
}
