'use client'

import { cn } from '@/lib/utils'
import { usePasswordPolicy } from '../password-policy'

const barColors = ['bg-red-600', 'bg-orange-500', 'bg-amber-500', 'bg-lime-600', 'bg-emerald-600']

/**
 * zxcvbn's estimate as a five-step meter with a label; empty until something is typed and the
 * estimator has loaded (../password-policy.ts).
 */
export function StrengthMeter({
  password,
  userInputs,
}: {
  password: string
  userInputs: string[]
}) {
  const policy = usePasswordPolicy()
  if (!password || !policy) return null
  const { score, label, warning } = policy.passwordStrength(password, userInputs)
  return (
    <div className="grid gap-1.5">
      <div
        role="meter"
        aria-label="Password strength"
        aria-valuemin={0}
        aria-valuemax={4}
        aria-valuenow={score}
        aria-valuetext={label}
        className="grid grid-cols-5 gap-1"
      >
        {[0, 1, 2, 3, 4].map((step) => (
          <span
            key={step}
            className={cn('h-1.5 rounded-full', step <= score ? barColors[score] : 'bg-muted')}
          />
        ))}
      </div>
      <p className="text-sm text-muted-foreground" aria-live="polite">
        Strength: <span className="font-medium text-foreground">{label}</span>
        {warning ? ` — ${warning}` : null}
      </p>
    </div>
  )
}
