import { describe, expect, test } from 'vitest'
import { type MailContent } from './compose'
import {
  accountDeleted,
  confirmNewEmail,
  emailChanged,
  emailChangeRequestedNotice,
  emailChangeTargetTaken,
  passwordChanged,
  passwordResetLink,
  passwordWasReset,
} from './templates'

const at = new Date('2026-11-20T08:01:00Z')
const appUrl = 'https://taskwise.test'
const change = { at, ip: '203.0.113.9', device: 'Firefox on Linux', appUrl }
const newEmail = 'grace.hopper@example.org'

const every: MailContent[] = [
  passwordResetLink({ url: `${appUrl}/reset-password?token=abc`, expiresInMinutes: 30 }),
  passwordChanged(change),
  passwordWasReset(change),
  confirmNewEmail({ url: `${appUrl}/confirm-email?token=abc`, expiresInMinutes: 24 * 60 }),
  emailChangeRequestedNotice({ newEmail, at, appUrl }),
  emailChanged({ newEmail, at, appUrl }),
  emailChangeTargetTaken({ appUrl }),
  accountDeleted({ at, appUrl }),
]

describe('the account mails', () => {
  test.each(every.map((mail) => [mail.kind, mail] as const))(
    '%s names Taskwise and says what to do if it was not you, in both versions',
    (_kind, mail) => {
      expect(mail.subject).toContain('Taskwise')
      expect(mail.text).toMatch(/If it wasn't you/)
      expect(mail.html).toMatch(/If it wasn&#39;t you/)
      expect(mail.text).toContain(appUrl)
    },
  )

  test('no subject names an address (subjects are logged)', () => {
    for (const mail of every) expect(mail.subject).not.toMatch(/@/)
  })

  test('a link mail carries its link, and how long it works', () => {
    const mail = passwordResetLink({
      url: `${appUrl}/reset-password?token=a&b`,
      expiresInMinutes: 30,
    })
    expect(mail.text).toContain(`${appUrl}/reset-password?token=a&b`)
    expect(mail.text).toContain('within 30 minutes')
    expect(mail.html).toContain(`href="${appUrl}/reset-password?token=a&amp;b"`)
    expect(confirmNewEmail({ url: `${appUrl}/c`, expiresInMinutes: 1440 }).text).toContain(
      'within 24 hours',
    )
  })

  test('a change notice says when, from where and from what, in UTC', () => {
    const mail = passwordChanged(change)
    expect(mail.text).toContain('When: 20 November 2026 at 08:01 UTC')
    expect(mail.text).toContain('Device: Firefox on Linux')
    expect(mail.text).toContain('IP address: 203.0.113.9')
    expect(passwordChanged({ ...change, ip: null }).text).toContain('IP address: unknown')
  })

  test('text from outside is escaped in the HTML version', () => {
    const mail = passwordWasReset({ ...change, device: '<img src=x onerror=alert(1)>' })
    expect(mail.html).not.toContain('<img')
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })

  test('the old address is told of the new one only in part', () => {
    for (const mail of [
      emailChangeRequestedNotice({ newEmail, at }),
      emailChanged({ newEmail, at }),
    ]) {
      expect(mail.text).toContain('g…@example.org')
      expect(mail.text).not.toContain('grace')
    }
  })
})
