'use client'

import { lazy, Suspense } from 'react'
import { useLazyMenuTrigger } from '@/components/lazy-menu'
import { AccountButton } from './account-button'

/**
 * The menu's code (the menu library's, and signing out's) loads on the first press, not with every
 * signed-in page (decision 0312), as the theme menu's does (decision 0311).
 */
const AccountMenu = lazy(() =>
  import('./account-menu').then((module) => ({ default: module.AccountMenu })),
)

/** Starts fetching the menu's code ahead of a press (pointer over the button, or focus on it). */
function preload() {
  void import('./account-menu')
}

/**
 * The signed-in person's menu. Until it is first pressed the button is only a button: pressing it
 * (click, Enter, Space, or Arrow Down as a menu button takes) mounts the menu, open, and tells it
 * whether the press came from the keyboard (a click with `detail` 0 is Enter or Space).
 */
export function UserMenu({ name, email }: { name: string; email: string }) {
  const { press, triggerProps } = useLazyMenuTrigger(preload)
  const label = name || email
  if (press) {
    return (
      <Suspense fallback={<AccountButton label={label} aria-expanded={false} />}>
        <AccountMenu name={name} email={email} openedWithKeyboard={press === 'keyboard'} />
      </Suspense>
    )
  }
  return <AccountButton label={label} {...triggerProps} />
}
