import { maskAddress } from './address'
import { compose, type Block, type MailContent } from './compose'

/**
 * The mails Taskwise sends about an account: each a plain-text and an HTML version of the same
 * few blocks, in plain, kind words, and each saying what to do if it was not you. Subjects name
 * no address (they are logged). Pass `appUrl` (the app's public origin) to the notices so that
 * they link to the pages they mention; links in the other mails already carry it.
 */

/** Where and from what a change was made, as the activity list records it. */
interface ChangeContext {
  at: Date
  ip: string | null
  device: string
  appUrl?: string
}

export function passwordResetLink(args: { url: string; expiresInMinutes: number }): MailContent {
  return compose('password-reset-link', 'Reset your Taskwise password', new URL(args.url).origin, [
    { paragraph: 'Someone asked to reset the password of the Taskwise account for this address.' },
    { link: { label: 'Choose a new password', url: args.url } },
    { paragraph: `The link works once, within ${duration(args.expiresInMinutes)}.` },
    {
      paragraph:
        "If it wasn't you, ignore this mail: your password stays as it is, and the link is no use to anyone who cannot read your mail.",
    },
  ])
}

export function passwordChanged(args: ChangeContext): MailContent {
  return compose('password-changed', 'Your Taskwise password was changed', args.appUrl, [
    { paragraph: 'The password of your Taskwise account was just changed.' },
    { facts: changeFacts(args) },
    { paragraph: 'If it was you, there is nothing else to do.' },
    {
      paragraph:
        "If it wasn't you, someone else knows your password. Choose a new one at once with a reset link, then look at the devices signed in to your account in Settings.",
    },
    ...pageLink('Reset your password', args.appUrl, '/forgot-password'),
  ])
}

export function passwordWasReset(args: ChangeContext): MailContent {
  return compose('password-was-reset', 'Your Taskwise password was reset', args.appUrl, [
    {
      paragraph:
        'The password of your Taskwise account was reset with a link sent to this address.',
    },
    { facts: changeFacts(args) },
    { paragraph: 'If it was you, there is nothing else to do.' },
    {
      paragraph:
        "If it wasn't you, someone may be able to read your mail: secure your email account first, then reset your Taskwise password again.",
    },
    ...pageLink('Reset your password', args.appUrl, '/forgot-password'),
  ])
}

/** Sent to the new address: the change happens only when its owner opens the link. */
export function confirmNewEmail(args: { url: string; expiresInMinutes: number }): MailContent {
  return compose(
    'confirm-new-email',
    'Confirm your new Taskwise email address',
    new URL(args.url).origin,
    [
      { paragraph: 'Someone asked to use this address for their Taskwise account.' },
      { link: { label: 'Confirm this address', url: args.url } },
      { paragraph: `The link works once, within ${duration(args.expiresInMinutes)}.` },
      {
        paragraph: "If it wasn't you, ignore this mail: nothing changes unless the link is opened.",
      },
    ],
  )
}

/** Sent to the current address when a change to another one is asked for. */
export function emailChangeRequestedNotice(args: {
  newEmail: string
  at: Date
  appUrl?: string
}): MailContent {
  return compose(
    'email-change-requested',
    'Someone asked to change your Taskwise email address',
    args.appUrl,
    [
      {
        paragraph: `On ${when(args.at)}, someone signed in to your Taskwise account asked to change its email address to ${maskAddress(args.newEmail)}. Nothing changes until that address is confirmed.`,
      },
      { paragraph: 'If it was you, there is nothing else to do.' },
      {
        paragraph:
          "If it wasn't you, whoever asked knows your password: change it now in Settings, and sign out the devices you don't recognise.",
      },
      ...pageLink('Open your settings', args.appUrl, '/settings'),
    ],
  )
}

/** Sent to the previous address once a change is done. */
export function emailChanged(args: { newEmail: string; at: Date; appUrl?: string }): MailContent {
  return compose('email-changed', 'Your Taskwise email address was changed', args.appUrl, [
    {
      paragraph: `On ${when(args.at)}, the email address of your Taskwise account was changed to ${maskAddress(args.newEmail)}. You now sign in with that address, and mail about your account goes there.`,
    },
    { paragraph: 'If it was you, there is nothing else to do.' },
    {
      paragraph:
        "If it wasn't you, someone who knew your password has taken over your account: contact the people who run this Taskwise straight away, and change that password wherever else you used it.",
    },
  ])
}

/** Sent to an address that already has an account when someone asks to move another one to it. */
export function emailChangeTargetTaken(args: { appUrl?: string } = {}): MailContent {
  return compose(
    'email-change-target-taken',
    'Someone tried to use this address on Taskwise',
    args.appUrl,
    [
      {
        paragraph:
          'Someone signed in to a Taskwise account asked to change its email address to this one. This address already has a Taskwise account, so nothing was changed.',
      },
      {
        paragraph:
          "If it was you, you already have an account with this address: sign in with it, or reset its password if you don't remember it.",
      },
      { paragraph: "If it wasn't you, ignore this mail: your account is as it was." },
      ...pageLink('Reset your password', args.appUrl, '/forgot-password'),
    ],
  )
}

export function accountDeleted(args: { at: Date; appUrl?: string }): MailContent {
  return compose('account-deleted', 'Your Taskwise account was deleted', args.appUrl, [
    {
      paragraph: `On ${when(args.at)}, your Taskwise account and all its tasks were deleted. This cannot be undone.`,
    },
    {
      paragraph:
        "If it was you: thank you for using Taskwise. You won't get any more mail from us.",
    },
    {
      paragraph:
        "If it wasn't you, someone who knew your password deleted the account: change that password wherever else you used it. You are welcome to create a new account.",
    },
  ])
}

/** The changes to how a person signs in that are mailed to them (decision 0207). */
const SIGN_IN_CHANGES = {
  'two-factor-enabled': {
    subject: 'Two-factor sign-in is on for your Taskwise account',
    what: 'Two-factor sign-in was turned on: signing in now also asks for a code from your authenticator app.',
  },
  'two-factor-disabled': {
    subject: 'Two-factor sign-in was turned off',
    what: 'Two-factor sign-in was turned off for your Taskwise account: a password alone now signs in.',
  },
  'backup-code-used': {
    subject: 'A backup code was used to sign in to Taskwise',
    what: 'Someone signed in to your Taskwise account with one of your backup codes.',
  },
  'passkey-added': {
    subject: 'A passkey was added to your Taskwise account',
    what: 'A passkey was added to your Taskwise account: it can now sign in without a password.',
  },
  'passkey-removed': {
    subject: 'A passkey was removed from your Taskwise account',
    what: 'A passkey was removed from your Taskwise account.',
  },
} as const

export type SignInChange = keyof typeof SIGN_IN_CHANGES

export function signInChanged(
  change: SignInChange,
  args: ChangeContext & { note?: string },
): MailContent {
  const { subject, what } = SIGN_IN_CHANGES[change]
  return compose(change, subject, args.appUrl, [
    { paragraph: what },
    ...(args.note ? [{ paragraph: args.note }] : []),
    { facts: changeFacts(args) },
    { paragraph: 'If it was you, there is nothing else to do.' },
    {
      paragraph:
        "If it wasn't you, someone else can sign in to your account: reset your password now, then look at the devices and passkeys in Settings.",
    },
    ...pageLink('Open your settings', args.appUrl, '/settings'),
  ])
}

function changeFacts({ at, ip, device }: ChangeContext): [string, string][] {
  return [
    ['When', when(at)],
    ['Device', device],
    ['IP address', ip ?? 'unknown'],
  ]
}

function pageLink(label: string, appUrl: string | undefined, pathname: string): Block[] {
  return appUrl ? [{ link: { label, url: new URL(pathname, appUrl).href } }] : []
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'UTC',
})

/** `20 November 2026 at 08:01 UTC` (mail has no time zone of its reader). */
function when(at: Date): string {
  return `${dateFormat.format(at)} UTC`
}

function duration(minutes: number): string {
  if (minutes % 1440 === 0 && minutes >= 2880) return `${minutes / 1440} days`
  if (minutes % 60 === 0 && minutes >= 60)
    return minutes === 60 ? 'an hour' : `${minutes / 60} hours`
  return minutes === 1 ? 'a minute' : `${minutes} minutes`
}
