/**
 * A small structured logger: one JSON object per line on stdout, pino's shape (`level`, `time`,
 * `msg`), so the same tools read the web app's and the api's logs. Fields are what the caller
 * passes and nothing else: callers never pass a password, a token or a raw email address.
 */

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'

const LEVELS: Record<LogLevel, number> = {
  trace: 10,
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  fatal: 60,
  silent: Infinity,
}

export type LogFields = Record<string, string | number | boolean | null | undefined>

export interface LogRecord extends LogFields {
  level: number
  time: number
  msg: string
}

export interface Logger {
  info(msg: string, fields?: LogFields): void
  warn(msg: string, fields?: LogFields): void
  error(msg: string, fields?: LogFields): void
}

export type LogSink = (record: LogRecord) => void

const stdoutSink: LogSink = (record) => {
  process.stdout.write(`${JSON.stringify(record)}\n`)
}

export function createLogger(
  level: LogLevel,
  sink: LogSink = stdoutSink,
  base: LogFields = {},
): Logger {
  const threshold = LEVELS[level]
  const write = (at: Exclude<LogLevel, 'silent'>, msg: string, fields: LogFields = {}) => {
    if (LEVELS[at] < threshold) return
    sink({ level: LEVELS[at], time: Date.now(), ...base, ...fields, msg })
  }
  return {
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
  }
}
