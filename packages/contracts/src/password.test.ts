import { describe, expect, test } from 'vitest'
import { commonPasswordList, passwordSchema, unmetPasswordRules } from './password'
import {
  passwordBaseWord,
  passwordLength,
  passwordRuleCodeOf,
  unmetCompositionRules,
} from './password-rules'

describe('the password policy', () => {
  test('a password meeting every rule passes', () => {
    expect(unmetPasswordRules('Tangerine-Kite-42')).toEqual([])
  })

  test.each([
    ['Ab1!xyz', 'password_too_short'],
    ['tangerine-kite-42', 'password_missing_uppercase'],
    ['TANGERINE-KITE-42', 'password_missing_lowercase'],
    ['Tangerine-Kite-xx', 'password_missing_digit'],
    ['TangerineKite42', 'password_missing_special'],
    ['Password1!', 'password_too_common'],
  ])('%s is refused with %s', (password, code) => {
    expect(unmetPasswordRules(password)).toEqual([code])
  })

  test('every unmet rule is reported at once', () => {
    expect(unmetPasswordRules('abc')).toEqual([
      'password_too_short',
      'password_missing_uppercase',
      'password_missing_digit',
      'password_missing_special',
    ])
  })

  test('exactly 8 and exactly 128 characters pass; 7 and 129 do not', () => {
    const of = (n: number) => 'Zq7!' + 'x'.repeat(n - 4)
    expect(unmetPasswordRules(of(8))).toEqual([])
    expect(unmetPasswordRules(of(128))).toEqual([])
    expect(unmetPasswordRules(of(7))).toEqual(['password_too_short'])
    expect(unmetPasswordRules(of(129))).toEqual(['password_too_long'])
  })

  test('length counts code points, so 128 emoji-rich characters pass', () => {
    const password = 'Zq7' + '🔐'.repeat(125)
    expect(password.length).toBe(253)
    expect(passwordLength(password)).toBe(128)
    expect(unmetPasswordRules(password)).toEqual([])
  })

  test('any Unicode letter counts, and a space or an emoji is a special character', () => {
    expect(unmetPasswordRules('Ölçü şifre 9')).toEqual([])
    expect(unmetPasswordRules('Mañana🌙Sol9')).toEqual([])
  })

  test.each([
    'Password1!',
    'Qwerty123!',
    'Welcome2024!',
    'P@ssw0rd',
    'iloveyou',
    '!1Dragon',
    'LETMEIN99$',
  ])('the common password %s, even with characters bolted on, is refused', (password) => {
    expect(unmetPasswordRules(password)).toContain('password_too_common')
  })

  test('without the list, every other rule is checked just the same', () => {
    expect(unmetCompositionRules('Password1!')).toEqual([])
    expect(unmetPasswordRules('Password1!')).toEqual(['password_too_common'])
    expect(unmetCompositionRules('abc')).toEqual(
      unmetPasswordRules('abc').filter((code) => code !== 'password_too_common'),
    )
  })

  test('the base word strips digits and specials at the ends and folds case', () => {
    expect(passwordBaseWord('Welcome2024!')).toBe('welcome')
    expect(passwordBaseWord('!1Dragon')).toBe('dragon')
    expect(passwordBaseWord('Tangerine-Kite-42')).toBe('tangerine-kite')
  })

  test('the common-password list comes from a maintained package and has at least 10,000 entries', () => {
    const list = commonPasswordList()
    expect(list.size).toBeGreaterThanOrEqual(10_000)
    expect(list.has('password')).toBe(true)
    expect(list.has('qwerty')).toBe(true)
  })

  test('the zod schema reports each unmet rule by its code, and never alters the password', () => {
    const failed = passwordSchema.safeParse('zqv')
    expect(failed.success).toBe(false)
    const codes = failed.error?.issues.map(passwordRuleCodeOf)
    expect(codes).toEqual([
      'password_too_short',
      'password_missing_uppercase',
      'password_missing_digit',
      'password_missing_special',
    ])
    expect(passwordSchema.parse('  Tangerine-Kite-42  ')).toBe('  Tangerine-Kite-42  ')
  })
})
