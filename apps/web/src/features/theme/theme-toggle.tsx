'use client'

import dynamic from 'next/dynamic'
import { useLazyMenuTrigger } from '@/components/lazy-menu'
import { ThemeButton } from './theme-button'

/** The menu's code (and the menu library's) loads on the first press, not with every page. */
const ThemeMenu = dynamic(() => import('./theme-menu').then((module) => module.ThemeMenu), {
  loading: () => <ThemeButton aria-expanded={false} />,
})

/** Starts fetching the menu's code ahead of a press (pointer over the button, or focus on it). */
function preload() {
  void import('./theme-menu')
}

/**
 * Light, dark or the system's choice; next-themes stores the choice in localStorage and applies
 * it before the first paint. Until it is first pressed the button is only a button: pressing it
 * (click, Enter, Space, or Arrow Down as a menu button takes) mounts the menu, open, and tells it
 * whether the press came from the keyboard (a click with `detail` 0 is Enter or Space).
 */
export function ThemeToggle() {
  const { press, triggerProps } = useLazyMenuTrigger(preload)
  if (press) return <ThemeMenu openedWithKeyboard={press === 'keyboard'} />
  return <ThemeButton {...triggerProps} />
}
