'use client'

import { Monitor, Moon, Sun } from 'lucide-react'
import { useTheme } from 'next-themes'
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu'
import { useFirstItemFocus } from '@/components/lazy-menu'
import { ThemeButton } from './theme-button'

/**
 * The theme menu itself (see `ThemeToggle`, which loads it): light, dark or the system's choice.
 * It mounts open, on the press that asked for it, always in the browser: the stored choice is known.
 * `openedWithKeyboard`: a key opened it, so focus goes to the first item (`useFirstItemFocus`).
 */
export function ThemeMenu({ openedWithKeyboard = false }: { openedWithKeyboard?: boolean }) {
  const { theme, setTheme } = useTheme()
  const onFocus = useFirstItemFocus(openedWithKeyboard)
  return (
    <DropdownMenu defaultOpen>
      <DropdownMenuTrigger asChild>
        <ThemeButton />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" onFocus={onFocus}>
        <DropdownMenuLabel>Theme</DropdownMenuLabel>
        <DropdownMenuRadioGroup value={theme ?? 'system'} onValueChange={setTheme}>
          <DropdownMenuRadioItem value="light">
            <Sun aria-hidden /> Light
          </DropdownMenuRadioItem>
          <DropdownMenuRadioItem value="dark">
            <Moon aria-hidden /> Dark
          </DropdownMenuRadioItem>
          <DropdownMenuRadioItem value="system">
            <Monitor aria-hidden /> System
          </DropdownMenuRadioItem>
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  )
}
