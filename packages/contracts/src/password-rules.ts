import type { z } from 'zod'

/**
 * Taskwise's password policy: one definition for the registration form's live checklist (in the
 * browser) and for the server, which enforces it on every path that sets a password.
 *
 * - Length is counted in Unicode code points (what a person counts as characters), not UTF-16
 *   units: "🔐" is one character. 8 to 128 of them.
 * - The password is taken exactly as given: never trimmed, truncated or normalised; any Unicode.
 * - "Uppercase" and "lowercase" are Unicode letter categories (Lu, Ll); a digit is any decimal
 *   digit (Nd); a special character is anything that is neither a letter nor a number
 *   (punctuation, symbols, spaces, emoji).
 * - Not a common password, nor a common password with the required characters bolted on: the
 *   "base word" (case-folded, with leading and trailing digits and specials stripped) must not
 *   be in the common-password list either, so `Password1!` and `Welcome2024!` are refused.
 *
 * See docs/decisions/0200-password-policy.md.
 *
 * This module is the policy without the common-password list, which ./password.ts adds: a page
 * that takes no new password (sign-in) imports only this one and never loads the ~49,000-word
 * list (docs/decisions/0310-pages-fast-on-a-phone.md).
 */

export const PASSWORD_MIN_LENGTH = 8
export const PASSWORD_MAX_LENGTH = 128

/** Stable codes, one per rule; clients key messages and checklists on them. */
export const PASSWORD_RULE_CODES = [
  'password_too_short',
  'password_too_long',
  'password_missing_uppercase',
  'password_missing_lowercase',
  'password_missing_digit',
  'password_missing_special',
  'password_too_common',
] as const

export type PasswordRuleCode = (typeof PASSWORD_RULE_CODES)[number]

export interface PasswordRule {
  code: PasswordRuleCode
  /** A sentence fit for a checklist item or an error message. */
  message: string
}

export const PASSWORD_RULES: readonly PasswordRule[] = [
  { code: 'password_too_short', message: `At least ${PASSWORD_MIN_LENGTH} characters` },
  { code: 'password_too_long', message: `At most ${PASSWORD_MAX_LENGTH} characters` },
  { code: 'password_missing_uppercase', message: 'An uppercase letter' },
  { code: 'password_missing_lowercase', message: 'A lowercase letter' },
  { code: 'password_missing_digit', message: 'A digit' },
  { code: 'password_missing_special', message: 'A special character (neither letter nor digit)' },
  { code: 'password_too_common', message: 'Not a common password' },
]

const messages = new Map(PASSWORD_RULES.map((rule) => [rule.code, rule.message]))

/** The message for a rule's code. */
export function passwordRuleMessage(code: PasswordRuleCode): string {
  return messages.get(code) ?? code
}

const UPPERCASE = /\p{Lu}/u
const LOWERCASE = /\p{Ll}/u
const DIGIT = /\p{Nd}/u
const SPECIAL = /[^\p{L}\p{N}]/u
/** Digits and specials at either end: the "bolted on" part of `Password1!` or `!1Password`. */
const BOLTED_ON = /^[^\p{L}]+|[^\p{L}]+$/gu

/** Length in Unicode code points. */
export function passwordLength(password: string): number {
  let count = 0
  for (const _ of password) count += 1
  return count
}

/** The word underneath a password: case-folded, without leading or trailing non-letters. */
export function passwordBaseWord(password: string): string {
  return password.toLowerCase().replace(BOLTED_ON, '')
}

/**
 * Every rule but "not a common password" that the password does not meet, in
 * {@link PASSWORD_RULES} order: what can be told without the list.
 */
export function unmetCompositionRules(password: string): PasswordRuleCode[] {
  const unmet: PasswordRuleCode[] = []
  const length = passwordLength(password)
  if (length < PASSWORD_MIN_LENGTH) unmet.push('password_too_short')
  if (length > PASSWORD_MAX_LENGTH) unmet.push('password_too_long')
  if (!UPPERCASE.test(password)) unmet.push('password_missing_uppercase')
  if (!LOWERCASE.test(password)) unmet.push('password_missing_lowercase')
  if (!DIGIT.test(password)) unmet.push('password_missing_digit')
  if (!SPECIAL.test(password)) unmet.push('password_missing_special')
  return unmet
}

/** The rule code carried by a zod issue raised by the policy's schema, if any. */
export function passwordRuleCodeOf(issue: z.core.$ZodIssue): PasswordRuleCode | undefined {
  if (issue.code !== 'custom') return undefined
  const code: unknown = issue.params?.code
  return PASSWORD_RULE_CODES.find((known) => known === code)
}
