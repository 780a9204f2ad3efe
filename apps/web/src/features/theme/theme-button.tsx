import { Moon, Sun } from 'lucide-react'
import type * as React from 'react'
import { Button } from '@/components/ui/button'

/**
 * The header's theme button: a sun, or a moon in dark mode. The icons switch by CSS (`dark:`), so
 * the server's markup and the browser's agree and nothing hydrates differently.
 */
export function ThemeButton(props: React.ComponentProps<typeof Button>) {
  return (
    <Button variant="ghost" size="icon" aria-label="Theme" aria-haspopup="menu" {...props}>
      <Sun aria-hidden className="size-5 dark:hidden" />
      <Moon aria-hidden className="hidden size-5 dark:block" />
    </Button>
  )
}
