import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common'
import { dictionary as englishDictionary, translations } from '@zxcvbn-ts/language-en'

/** zxcvbn's 0–4 score, in words a person reads under a password field. */
export const STRENGTH_LABELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const

export type StrengthScore = 0 | 1 | 2 | 3 | 4

export interface PasswordStrength {
  score: StrengthScore
  label: (typeof STRENGTH_LABELS)[number]
  /** zxcvbn's warning (e.g. "This is a very common password"), or an empty string. */
  warning: string
}

let factory: ZxcvbnFactory | undefined

function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    translations,
    graphs: adjacencyGraphs,
    dictionary: { ...commonDictionary, ...englishDictionary },
  })
  return factory
}

/**
 * How hard the password is to guess, as zxcvbn estimates it. The email and name are passed as
 * user inputs, so a password made of them scores low.
 */
export function passwordStrength(password: string, userInputs: string[] = []): PasswordStrength {
  const result = zxcvbn().check(password.slice(0, 256), userInputs.filter(Boolean))
  const score = result.score as StrengthScore
  return { score, label: STRENGTH_LABELS[score], warning: result.feedback.warning ?? '' }
}
