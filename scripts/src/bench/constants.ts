/** The bench's fixed settings: its own ports (never the launcher's 3000/4000 nor the e2e tests' 3100/4100) and sizes. */

export const WEB_PORT = 3910
export const SCRYPT_WEB_PORT = 3912
/** The scale phase's own web app and api. */
export const SCALE_WEB_PORT = 3914
export const SCALE_API_PORT = 3915
export const FLOOR_PORT = 4911
/** The sign-in floor (sign-in-floor-server.ts). */
export const SIGNIN_FLOOR_PORT = 4913
/** nginx of the cluster phase; its api and web instances take the next four ports. */
export const CLUSTER_PORT = 3920
export const API_PORT = 4910
export const API_POOL_MAX = 10
export const LIST_LIMIT = 50
export const LIST_USERS = 10
export const WRITE_USERS = 10
export const AUTH_CONCURRENCY = 100
/**
 * How long one request of a burst may take before it counts as failed: long enough that a slow
 * burst is measured to its end (the seed's 5 s is judged in the report), short of hanging forever.
 */
export const AUTH_TIMEOUT_SECONDS = 120
export const DELETE_CAP = 2_000
/** The web app setting that selects the password hasher (benchmarking only; see the report). */
export const HASHER_SETTING = 'AUTH_PASSWORD_HASHER'
/** Every phase, as `--only=` names them, in the order they run. */
export const PHASES = 'pages,verify,list,writes,auth,reset,cluster'

/** Raised, never disabled (design.md): high enough for every request this run makes. */
export const RAISED_LIMITS = {
  AUTH_RATE_LIMIT_MAX: '100000',
  AUTH_RATE_LIMIT_WINDOW_SECONDS: '60',
  AUTH_LOCKOUT_MAX_FAILURES: '1000',
  API_RATE_LIMIT_MAX: '1000000000',
}

/** The sizes that a `--quick` run shortens. */
export interface RunSizes {
  durationSeconds: number
  warmupSeconds: number
  /** List runs are repeated, the floor, the api and the web origin taking turns (the machine is shared). */
  listRounds: number
  authRounds: number
  /** Reset requests of each kind (with and without an account), one address each. */
  resetPairs: number
  verifyIterations: number
  /** Lighthouse runs of each page (the pages take turns; the median is quoted). */
  pageRounds: number
}

export function runSizes(quick: boolean): RunSizes {
  return {
    durationSeconds: quick ? 3 : 4,
    warmupSeconds: quick ? 1 : 2,
    listRounds: quick ? 1 : 3,
    authRounds: quick ? 1 : 3,
    resetPairs: quick ? 10 : 40,
    verifyIterations: quick ? 5_000 : 20_000,
    pageRounds: quick ? 1 : 3,
  }
}
