import { runJsonChild } from './child'

export interface HashSpec {
  hashers: ('argon2id' | 'scrypt')[]
  password: string
  /** Verifications timed one at a time. */
  sequential: number
  /** Verifications started at once. */
  concurrency: number
}

export interface HashTiming {
  hasher: 'argon2id' | 'scrypt'
  /** Median time of one verification, alone. */
  oneMs: number
  concurrency: number
  /** Time for `concurrency` verifications started at once to all finish. */
  burstWallMs: number
  /** CPU the process used for that burst, every thread (absent from older runs). */
  burstCpuMs?: number
}

/** Times the web app's password hashing alone, in a child process. */
export function runHashing(spec: HashSpec): Promise<HashTiming[]> {
  return runJsonChild<HashTiming[]>('hash-runner.ts', spec)
}
