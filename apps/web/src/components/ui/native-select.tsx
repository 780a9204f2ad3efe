import type * as React from 'react'
import { cn } from '@/lib/utils'
import { inputClassName } from './input'

/**
 * A styled native <select>: keyboard, screen readers and phones handle it natively, which a
 * custom listbox has to imitate.
 */
export function NativeSelect({ className, ...props }: React.ComponentProps<'select'>) {
  return (
    <select
      data-slot="native-select"
      className={cn(inputClassName, 'cursor-pointer pr-8', className)}
      {...props}
    />
  )
}
