import { hash, verify } from '@node-rs/argon2'

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

export async function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID_OPTIONS)
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
    return await verify(encoded, password)
  } catch {
    return false
  }
}
