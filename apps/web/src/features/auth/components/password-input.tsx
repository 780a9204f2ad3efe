'use client'

import { Eye, EyeOff } from 'lucide-react'
import { useState, type ComponentProps } from 'react'
import { Input } from '@/components/ui/input'

/**
 * A password field with a show/hide button. Pasting is allowed (password managers paste);
 * the button says what it will do and exposes its state with aria-pressed. A form with two
 * password fields names each button after its field (`revealLabel`), so no two share a name.
 */
export function PasswordInput({
  revealLabel = 'Show password',
  ...props
}: Omit<ComponentProps<'input'>, 'type'> & { revealLabel?: string }) {
  const [visible, setVisible] = useState(false)
  return (
    <div className="relative">
      <Input {...props} type={visible ? 'text' : 'password'} className="pr-11" />
      <button
        type="button"
        onClick={() => setVisible((shown) => !shown)}
        aria-pressed={visible}
        aria-label={revealLabel}
        className="absolute inset-y-0 right-0 flex w-10 items-center justify-center rounded-md text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50"
      >
        {visible ? (
          <EyeOff aria-hidden className="size-4" />
        ) : (
          <Eye aria-hidden className="size-4" />
        )}
      </button>
    </div>
  )
}
