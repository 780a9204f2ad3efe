import { describe, expect, test } from 'vitest'
import {
  limitedHashing,
  passwordHashing,
  verifyPassword,
  type PasswordHashing,
} from './password-hashing'

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

describe('limitedHashing', () => {
  /** The real argon2id hashing, with a count of the hashes running at each moment. */
  function counted() {
    const real = passwordHashing('argon2id')
    const seen = { running: 0, most: 0, started: [] as string[] }
    const around =
      <T>(label: string, job: () => Promise<T>) =>
      async () => {
        seen.running += 1
        seen.most = Math.max(seen.most, seen.running)
        seen.started.push(label)
        try {
          return await job()
        } finally {
          seen.running -= 1
        }
      }
    const hashing: PasswordHashing = {
      hash: (input) => around(`hash ${input}`, () => real.hash(input))(),
      verify: (input) => around(`verify ${input.password}`, () => real.verify(input))(),
    }
    return { hashing, seen }
  }

  test('runs at most the given number of hashes at once, in the order asked, each answered right', async () => {
    const encoded = await passwordHashing('argon2id').hash(password)
    const { hashing, seen } = counted()
    const limited = limitedHashing(hashing, 2)
    const guesses = Array.from({ length: 8 }, (_, index) =>
      index % 2 ? password : `wrong-${index}`,
    )
    const results = await Promise.all([
      ...guesses.map((guess) => limited.verify({ hash: encoded, password: guess })),
      limited.hash('New-password-9').then((hash) => hash.startsWith('$argon2id$')),
    ])
    expect(results).toEqual([...guesses.map((guess) => guess === password), true])
    expect(seen.most).toBe(2)
    expect(seen.started).toEqual([
      ...guesses.map((guess) => `verify ${guess}`),
      'hash New-password-9',
    ])
  })

  test('a hash that fails gives its turn to the next one', async () => {
    const { hashing, seen } = counted()
    const limited = limitedHashing(hashing, 1)
    // argon2 refuses what is not a password (a number, here) by throwing.
    const failing = limited.hash(42 as unknown as string)
    const next = limited.hash(password)
    await expect(failing).rejects.toThrow()
    expect(await next).toMatch(/^\$argon2id\$/)
    expect(seen.most).toBe(1)
  })
})
