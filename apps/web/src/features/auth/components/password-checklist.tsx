'use client'

import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_RULES,
  passwordLength,
  unmetCompositionRules,
} from '@taskwise/contracts/password-rules'
import { Check, X } from 'lucide-react'
import { cn } from '@/lib/utils'
import { usePasswordPolicy } from '../password-policy'

/**
 * The password policy as a live checklist, from the same rules the server enforces
 * (packages/contracts/src/password-rules.ts). "At most 128 characters" is shown only once it is
 * broken. "Not a common password" is ticked once the list has loaded (../password-policy.ts).
 */
export function PasswordChecklist({ id, password }: { id: string; password: string }) {
  const policy = usePasswordPolicy()
  const unmet = new Set(
    policy ? policy.unmetPasswordRules(password) : unmetCompositionRules(password),
  )
  const rules = PASSWORD_RULES.filter(
    (rule) => rule.code !== 'password_too_long' || passwordLength(password) > PASSWORD_MAX_LENGTH,
  )
  return (
    <ul id={id} aria-label="Password requirements" className="grid gap-1 text-sm">
      {rules.map((rule) => {
        // An empty field meets nothing yet (it is not "a common password" either, but a green
        // tick before anything is typed would read as a promise); nor is a rule met that cannot
        // be checked yet.
        const checked = rule.code !== 'password_too_common' || policy !== undefined
        const met = password.length > 0 && checked && !unmet.has(rule.code)
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
