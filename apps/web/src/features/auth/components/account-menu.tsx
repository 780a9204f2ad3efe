'use client'

import { LogOut, Settings } from 'lucide-react'
import Link from 'next/link'
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu'
import { useFirstItemFocus } from '@/components/lazy-menu'
import { useSignOut } from '../api/sign-out'
import { AccountButton } from './account-button'

/**
 * The account menu itself (see `UserMenu`, which loads it): who is signed in, their settings, and
 * signing out. It mounts open, on the press that asked for it.
 * `openedWithKeyboard`: a key opened it, so focus goes to the first item (`useFirstItemFocus`).
 */
export function AccountMenu({
  name,
  email,
  openedWithKeyboard = false,
}: {
  name: string
  email: string
  openedWithKeyboard?: boolean
}) {
  const signOut = useSignOut()
  const onFocus = useFirstItemFocus(openedWithKeyboard)
  return (
    <DropdownMenu defaultOpen>
      <DropdownMenuTrigger asChild>
        <AccountButton label={name || email} />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="max-w-72" onFocus={onFocus}>
        <DropdownMenuLabel className="grid gap-0.5">
          {name ? <span className="truncate">{name}</span> : null}
          <span className="truncate font-normal text-muted-foreground">{email}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/settings">
            <Settings aria-hidden /> Settings
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem
          disabled={signOut.isPending}
          onSelect={(event) => {
            event.preventDefault()
            signOut.mutate()
          }}
        >
          <LogOut aria-hidden /> Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  )
}
