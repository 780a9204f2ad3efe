import { describe, expect, test } from 'vitest'
import { loadWebConfig } from '../config'
import { outboxIsReadable } from './outbox'

const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/taskwise'
const SECRET = 'x'.repeat(40)

describe('who may read the outbox page', () => {
  test('development without SMTP, asked for by a localhost name', () => {
    const config = loadWebConfig({ DATABASE_URL })
    for (const host of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000', 'localhost']) {
      expect(outboxIsReadable(config, host)).toBe(true)
    }
  })

  test('never by another name: a LAN address, or a site whose name points here', () => {
    const config = loadWebConfig({ DATABASE_URL })
    for (const host of [
      '192.168.1.20:3000',
      'attacker.example',
      'localhost.attacker.example',
      '',
    ]) {
      expect(outboxIsReadable(config, host)).toBe(false)
    }
    expect(outboxIsReadable(config, null)).toBe(false)
  })

  test('never when mail goes over SMTP', () => {
    const config = loadWebConfig({ DATABASE_URL, SMTP_URL: 'smtp://127.0.0.1:2525' })
    expect(outboxIsReadable(config, 'localhost:3000')).toBe(false)
  })

  test('in production, only for the local run that chose the outbox', () => {
    const local = loadWebConfig({
      DATABASE_URL,
      NODE_ENV: 'production',
      BETTER_AUTH_SECRET: SECRET,
      MAIL_TRANSPORT: 'outbox',
    })
    expect(outboxIsReadable(local, 'localhost:3000')).toBe(true)
    const deployed = loadWebConfig({
      DATABASE_URL,
      NODE_ENV: 'production',
      BETTER_AUTH_SECRET: SECRET,
      BETTER_AUTH_URL: 'https://taskwise.example',
      SMTP_URL: 'smtps://mail.example:465',
    })
    expect(outboxIsReadable(deployed, 'localhost:3000')).toBe(false)
  })
})
