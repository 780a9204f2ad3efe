import { randomInt } from 'node:crypto'
import { BACKUP_CODE_COUNT } from '@taskwise/contracts/two-factor'

/**
 * Backup codes (docs/decisions/0207-two-factor-sign-in.md): ten codes of ten characters from an
 * alphabet without look-alikes (about 50 bits each), shown once as `xxxxx-xxxxx`. Only their
 * password hashes (argon2id with a random salt, the same hasher as passwords: ASVS 6.5.2 for
 * secrets under 112 bits) are stored, as a JSON array in `two_factor.backup_codes`; nothing can
 * read them back. A used code's hash is removed from the array.
 */

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'
const CODE_LENGTH = 10

export interface PasswordHasher {
  hash(password: string): Promise<string>
  verify(input: { hash: string; password: string }): Promise<boolean>
}

/** Ten new codes, as shown to the person. */
export function newBackupCodes(): string[] {
  return Array.from({ length: BACKUP_CODE_COUNT }, () => {
    const chars = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)])
    return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`
  })
}

/** The stored form of `codes`: a JSON array of their hashes. */
export async function hashBackupCodes(hasher: PasswordHasher, codes: string[]): Promise<string> {
  const hashes = await Promise.all(codes.map((code) => hasher.hash(normalised(code))))
  return JSON.stringify(hashes)
}

/** The hashes in a stored value (an unreadable value holds none). */
export function storedHashes(stored: string): string[] {
  try {
    const parsed: unknown = JSON.parse(stored)
    return Array.isArray(parsed)
      ? parsed.filter((item): item is string => typeof item === 'string')
      : []
  } catch {
    return []
  }
}

/**
 * The stored value with the hash that `code` matches taken out, or null when it matches none.
 * Codes are checked one after another (each is a hash verification), so at most ten per attempt.
 */
export async function withoutCode(
  hasher: PasswordHasher,
  stored: string,
  code: string,
): Promise<string | null> {
  const hashes = storedHashes(stored)
  const typed = normalised(code)
  for (const [index, hash] of hashes.entries()) {
    if (await hasher.verify({ hash, password: typed })) {
      return JSON.stringify(hashes.filter((_, other) => other !== index))
    }
  }
  return null
}

function normalised(code: string): string {
  return code.replace(/[\s-]+/g, '').toLowerCase()
}
