import { nodeEnv, parseEnv, postgresUrl } from '@taskwise/contracts/config'
import { z } from 'zod'
import { openEmbeddedDatabase, type EmbeddedDatabase } from '../embedded'
import { defaultDataDir } from '../paths'

const schema = z.object({
  NODE_ENV: nodeEnv,
  DATABASE_URL: postgresUrl.optional(),
  TASKWISE_DATA_DIR: z.string().default(defaultDataDir),
})

export const settings = parseEnv('Taskwise db', schema, process.env)

/** DATABASE_URL when set; otherwise the embedded database (joined if the launcher already runs it). */
export async function connect(): Promise<EmbeddedDatabase> {
  if (settings.DATABASE_URL) {
    return { url: settings.DATABASE_URL, owned: false, stop: async () => {} }
  }
  return openEmbeddedDatabase(settings.TASKWISE_DATA_DIR)
}
