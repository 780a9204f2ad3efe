'use client'

import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_RULES,
  passwordLength,
  unmetPasswordRules,
} from '@taskwise/contracts/password'
import { Check, X } from 'lucide-react'
import { cn } from '@/lib/utils'

/**
 * The password policy as a live checklist, from the same rules the server enforces
 * (packages/contracts/src/password.ts). "At most 128 characters" is shown only once it is broken.
 */
export function PasswordChecklist({ id, password }: { id: string; password: string }) {
  const unmet = new Set(unmetPasswordRules(password))
  const rules = PASSWORD_RULES.filter(
    (rule) => rule.code !== 'password_too_long' || passwordLength(password) > PASSWORD_MAX_LENGTH,
  )
  return (
    <ul id={id} aria-label="Password requirements" className="grid gap-1 text-sm">
      {rules.map((rule) => {
        // An empty field meets nothing yet (it is not "a common password" either, but a green
        // tick before anything is typed would read as a promise).
        const met = password.length > 0 && !unmet.has(rule.code)
        return (
          <li
            key={rule.code}
            data-rule={rule.code}
            data-met={met}
            className={cn(
              'flex items-center gap-2',
              met ? 'text-emerald-700 dark:text-emerald-400' : 'text-muted-foreground',
            )}
          >
            {met ? (
              <Check aria-hidden className="size-4 shrink-0" />
            ) : (
              <X aria-hidden className="size-4 shrink-0" />
            )}
            <span>
              {rule.message}
              <span className="sr-only">{met ? ' (met)' : ' (not met yet)'}</span>
            </span>
          </li>
        )
      })}
    </ul>
  )
}
