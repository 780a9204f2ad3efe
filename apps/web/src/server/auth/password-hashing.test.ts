import { describe, expect, test } from 'vitest'
import { passwordHashing, verifyPassword } from './password-hashing'

const password = 'Correct-horse-7'

describe('password hashing', () => {
  test('argon2id is used for new passwords by default, with the agreed parameters', async () => {
    const encoded = await passwordHashing('argon2id').hash(password)
    expect(encoded).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    expect(await verifyPassword({ hash: encoded, password })).toBe(true)
    expect(await verifyPassword({ hash: encoded, password: 'Wrong-horse-7' })).toBe(false)
  })

  test('the scrypt setting hashes new passwords the way Better Auth does by default', async () => {
    const encoded = await passwordHashing('scrypt').hash(password)
    expect(encoded).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/)
    expect(await verifyPassword({ hash: encoded, password })).toBe(true)
    expect(await verifyPassword({ hash: encoded, password: 'Wrong-horse-7' })).toBe(false)
  })

  test('a stored hash of either kind verifies whichever hasher is set', async () => {
    const argon2 = await passwordHashing('argon2id').hash(password)
    const scrypt = await passwordHashing('scrypt').hash(password)
    for (const hasher of ['argon2id', 'scrypt'] as const) {
      const { verify } = passwordHashing(hasher)
      expect(await verify({ hash: argon2, password })).toBe(true)
      expect(await verify({ hash: scrypt, password })).toBe(true)
    }
  })

  test('an unreadable hash is a wrong password, not an error', async () => {
    expect(await verifyPassword({ hash: 'not a hash', password })).toBe(false)
    expect(await verifyPassword({ hash: '$argon2id$garbage', password })).toBe(false)
  })
})
