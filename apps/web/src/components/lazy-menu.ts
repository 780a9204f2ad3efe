'use client'

import { useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react'

/**
 * Menus whose code loads on their first press (the theme menu, decision 0311; the account menu,
 * 0312). Until then the trigger is only a button; these two hooks are the halves of that pattern.
 */

/** How the first press came: a key (Enter, Space, Arrow Down) or a pointer. */
export type MenuPress = 'pointer' | 'keyboard'

/**
 * The button that stands in for the menu: `press` is set by its first press (a click with
 * `detail` 0 is Enter or Space; Arrow Down opens a menu button too), and pointing at or focusing
 * it starts fetching the menu's code with `preload`.
 */
export function useLazyMenuTrigger(preload: () => void) {
  const [press, setPress] = useState<MenuPress>()
  const triggerProps = {
    'aria-expanded': false,
    onPointerEnter: preload,
    onFocus: preload,
    onClick: (event: MouseEvent) => setPress(event.detail === 0 ? 'keyboard' : 'pointer'),
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key !== 'ArrowDown') return
      event.preventDefault()
      setPress('keyboard')
    },
  }
  return { press, triggerProps }
}

/**
 * The menu's content `onFocus`: the menu library focuses the first item when it saw a key open
 * the menu, but on the first press it mounted only after the key went down. So when the menu
 * itself takes focus on that first opening and a key opened it, focus goes on to the first item.
 * Later presses reach the library, which has seen their keys.
 */
export function useFirstItemFocus(openedWithKeyboard: boolean) {
  const firstOpening = useRef(true)
  return (event: FocusEvent<HTMLElement>) => {
    if (event.target !== event.currentTarget || !firstOpening.current) return
    firstOpening.current = false
    if (!openedWithKeyboard) return
    event.currentTarget.querySelector<HTMLElement>('[role^="menuitem"]')?.focus()
  }
}
