import { CheckIcon } from 'lucide-react'
import type * as React from 'react'
import { cn } from '@/lib/utils'

/**
 * A checkbox that is the browser's own `<input type="checkbox">`, drawn like `Checkbox`: for long
 * lists, where each Radix checkbox would hydrate its own state, refs and presence. The browser
 * gives it its role, its state, Space to toggle and a form value; `onCheckedChange` is called with
 * the state the person chose.
 */
export function NativeCheckbox({
  className,
  onCheckedChange,
  ...props
}: Omit<React.ComponentProps<'input'>, 'type' | 'onChange'> & {
  onCheckedChange?: (checked: boolean) => void
}) {
  return (
    // The label around it gives it the larger hit area for touch that `Checkbox` has: a tap just
    // outside the box (on the label's ::after, under the box) toggles it. Its name stays the
    // input's own `aria-label`.
    <label
      data-slot="checkbox"
      className={cn(
        'relative flex size-5 shrink-0 after:absolute after:-inset-2.5 has-disabled:cursor-not-allowed',
        className,
      )}
    >
      <input
        type="checkbox"
        className="peer relative z-[1] size-5 shrink-0 cursor-pointer appearance-none rounded-[4px] border border-input shadow-xs outline-none transition-shadow checked:border-primary checked:bg-primary focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:cursor-not-allowed disabled:opacity-50 aria-invalid:border-destructive dark:bg-input/30 dark:checked:bg-primary"
        onChange={(event) => onCheckedChange?.(event.currentTarget.checked)}
        {...props}
      />
      <CheckIcon
        aria-hidden
        className="pointer-events-none invisible absolute inset-0 m-auto size-3.5 text-primary-foreground peer-checked:visible"
      />
    </label>
  )
}
