'use client'

import { LogOut, Settings } from 'lucide-react'
import Link from 'next/link'
import { useRef } from 'react'
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu'
import { useSignOut } from '../api/sign-out'
import { AccountButton } from './account-button'

/**
 * The account menu itself (see `UserMenu`, which loads it): who is signed in, their settings, and
 * signing out. It mounts open, on the press that asked for it.
 *
 * As the theme menu does: on that first press the menu library did not see the key, so when it
 * takes focus on that first opening and `openedWithKeyboard` says a key opened it, focus goes on
 * to the first item. Later presses reach the library, which has seen their keys.
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
  const firstOpening = useRef(true)
  return (
    <DropdownMenu defaultOpen>
      <DropdownMenuTrigger asChild>
        <AccountButton label={name || email} />
      </DropdownMenuTrigger>
      <DropdownMenuContent
        align="end"
        className="max-w-72"
        onFocus={(event) => {
          // The menu itself took focus as it opened: the first item is wanted instead.
          if (event.target !== event.currentTarget || !firstOpening.current) return
          firstOpening.current = false
          if (!openedWithKeyboard) return
          event.currentTarget.querySelector<HTMLElement>('[role^="menuitem"]')?.focus()
        }}
      >
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
