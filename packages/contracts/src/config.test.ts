import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import {
  assertProductionSecret,
  ConfigError,
  DEVELOPMENT_SECRET,
  parseEnv,
  port,
  postgresUrl,
} from './config'

const schema = z.object({ DATABASE_URL: postgresUrl, PORT: port(4000) })

describe('parseEnv', () => {
  test('a missing setting stops start-up with a sentence that names it', () => {
    expect(() => parseEnv('Taskwise api', schema, {})).toThrow(
      'Taskwise api: setting DATABASE_URL is required.',
    )
  })

  test('a bad setting names the setting and what is wrong with it', () => {
    expect(() =>
      parseEnv('Taskwise api', schema, { DATABASE_URL: 'mysql://x', PORT: 'eighty' }),
    ).toThrow(/setting DATABASE_URL is invalid: must be a postgres:\/\/[^]*setting PORT is invalid/)
  })

  test('defaults fill what is unset, and an empty value counts as unset', () => {
    expect(parseEnv('t', schema, { DATABASE_URL: 'postgres://localhost/x', PORT: '' })).toEqual({
      DATABASE_URL: 'postgres://localhost/x',
      PORT: 4000,
    })
  })
})

describe('assertProductionSecret', () => {
  test('production refuses the development secret', () => {
    expect(() =>
      assertProductionSecret(
        'Taskwise web',
        'BETTER_AUTH_SECRET',
        DEVELOPMENT_SECRET,
        'production',
      ),
    ).toThrow(ConfigError)
  })

  test('production refuses a short secret', () => {
    expect(() => assertProductionSecret('w', 'S', 'short', 'production')).toThrow(/at least 32/)
  })

  test('development accepts the development secret', () => {
    expect(() => assertProductionSecret('w', 'S', DEVELOPMENT_SECRET, 'development')).not.toThrow()
  })
})
