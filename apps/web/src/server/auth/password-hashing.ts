import { hash, verify } from '@node-rs/argon2'
import { hashPassword as hashScrypt, verifyPassword as verifyScrypt } from 'better-auth/crypto'

/**
 * argon2id at OWASP's first recommendation: 19 MiB of memory, 2 iterations, 1 lane. @node-rs/argon2
 * is native and runs each hash on libuv's thread pool, off the event loop. The algorithm is the
 * number 2 (Argon2id): the package's const enum does not survive `isolatedModules`.
 */
export const ARGON2ID_OPTIONS = {
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const

/**
 * Which function hashes new passwords: argon2id (the default), or Better Auth's own scrypt
 * (N = 16384, r = 16, p = 1), kept selectable so that the benchmark measures the choice
 * (docs/decisions/0302-password-hasher-measured.md). Verification never depends on the setting.
 */
export type PasswordHasher = 'argon2id' | 'scrypt'

export interface PasswordHashing {
  hash(password: string): Promise<string>
  verify(input: { hash: string; password: string }): Promise<boolean>
}

/** An argon2 hash is a PHC string (`$argon2id$v=19$…`); Better Auth's scrypt one is `salt:key`. */
function isArgon2(encoded: string): boolean {
  return encoded.startsWith('$argon2')
}

/** False, never an exception, for a wrong password or a hash this module cannot read. */
export async function verifyPassword({
  hash: encoded,
  password,
}: {
  hash: string
  password: string
}): Promise<boolean> {
  try {
    return isArgon2(encoded)
      ? await verify(encoded, password)
      : await verifyScrypt({ hash: encoded, password })
  } catch {
    return false
  }
}

export async function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID_OPTIONS)
}

/**
 * The hashing Better Auth is given. New passwords are hashed with `hasher`; a stored hash is
 * verified by its own format, so changing the setting never locks anyone out.
 */
export function passwordHashing(hasher: PasswordHasher): PasswordHashing {
  return {
    hash: hasher === 'scrypt' ? hashScrypt : hashPassword,
    verify: verifyPassword,
  }
}

/**
 * `hashing` with at most `atOnce` hashes running at a time; the others wait their turn, first come
 * first served (docs/decisions/0320-sign-in-around-the-hash.md). Each hash occupies a thread of
 * libuv's pool, which also runs the rest of a sign-in's crypto (the cookie's HMAC, the JWT's
 * signature): with every thread hashing, that work queues behind all the hashes of a burst, and
 * every sign-in of the burst finishes only after the last hash. A thread left free lets each one
 * finish as soon as its own hash is done; the hashes still use every core.
 */
export function limitedHashing(hashing: PasswordHashing, atOnce: number): PasswordHashing {
  let running = 0
  const waiting: (() => void)[] = []
  async function inTurn<T>(job: () => Promise<T>): Promise<T> {
    if (running < atOnce) running += 1
    else await new Promise<void>((resolve) => waiting.push(resolve))
    try {
      return await job()
    } finally {
      const next = waiting.shift()
      // The slot passes straight to the next in line, or is given back.
      if (next) next()
      else running -= 1
    }
  }
  return {
    hash: (password) => inTurn(() => hashing.hash(password)),
    verify: (input) => inTurn(() => hashing.verify(input)),
  }
}
