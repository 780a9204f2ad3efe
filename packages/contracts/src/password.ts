import { dictionary } from '@zxcvbn-ts/language-common'
import { z } from 'zod'
import {
  PASSWORD_MAX_LENGTH,
  passwordBaseWord,
  passwordLength,
  passwordRuleMessage,
  unmetCompositionRules,
  type PasswordRuleCode,
} from './password-rules'

/**
 * Taskwise's password policy, whole: the rules of ./password-rules.ts and the common-password
 * list. The server and the forms that set a password use it; the browser loads it only when such
 * a form is in use (docs/decisions/0200-password-policy.md, 0310-pages-fast-on-a-phone.md).
 */

/**
 * The common-password list of @zxcvbn-ts/language-common (about 49,000 entries, all lower case),
 * the list zxcvbn itself penalises. Built lazily: the set is only made when first needed.
 */
let commonPasswords: ReadonlySet<string> | undefined

export function commonPasswordList(): ReadonlySet<string> {
  commonPasswords ??= new Set(
    dictionary['passwords-common'].map((word) => String(word).toLowerCase()),
  )
  return commonPasswords
}

/** True when the password, or its base word, is in the common-password list. */
export function isCommonPassword(password: string): boolean {
  const list = commonPasswordList()
  const folded = password.toLowerCase()
  if (list.has(folded)) return true
  const base = passwordBaseWord(password)
  return base.length > 0 && list.has(base)
}

/** Every rule the password does not meet, in PASSWORD_RULES order; empty when it passes. */
export function unmetPasswordRules(password: string): PasswordRuleCode[] {
  const unmet = unmetCompositionRules(password)
  // A very long input is refused for its length already; don't spend time looking it up.
  if (passwordLength(password) <= PASSWORD_MAX_LENGTH && isCommonPassword(password)) {
    unmet.push('password_too_common')
  }
  return unmet
}

/**
 * The policy as a zod schema: one issue per unmet rule, each with its stable code in
 * `params.code`, so a form can show them all at once and a server can list them.
 */
export const passwordSchema = z.string().superRefine((password, ctx) => {
  for (const code of unmetPasswordRules(password)) {
    ctx.addIssue({ code: 'custom', message: passwordRuleMessage(code), params: { code } })
  }
})
