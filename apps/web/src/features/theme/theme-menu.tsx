'use client'

import { Monitor, Moon, Sun } from 'lucide-react'
import { useTheme } from 'next-themes'
import { useRef } from 'react'
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu'
import { ThemeButton } from './theme-button'

/**
 * The theme menu itself (see `ThemeToggle`, which loads it): light, dark or the system's choice.
 * It mounts open, on the press that asked for it, always in the browser: the stored choice is known.
 *
 * The menu library puts focus on the first item when it saw the keyboard open the menu; on the
 * first press it mounts only after the key went down, so it cannot know: `openedWithKeyboard` says
 * so, and when the menu takes focus on that first opening it hands it to the first item. Later
 * presses reach the library, which has seen their keys.
 */
export function ThemeMenu({ openedWithKeyboard = false }: { openedWithKeyboard?: boolean }) {
  const { theme, setTheme } = useTheme()
  const firstOpening = useRef(true)
  return (
    <DropdownMenu defaultOpen>
      <DropdownMenuTrigger asChild>
        <ThemeButton />
      </DropdownMenuTrigger>
      <DropdownMenuContent
        align="end"
        onFocus={(event) => {
          // The menu itself took focus as it opened: the first item is wanted instead.
          if (event.target !== event.currentTarget || !firstOpening.current) return
          firstOpening.current = false
          if (!openedWithKeyboard) return
          event.currentTarget.querySelector<HTMLElement>('[role^="menuitem"]')?.focus()
        }}
      >
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
