import { booleanFlag, nodeEnv, parseEnv, port, postgresUrl } from '@taskwise/contracts/config'
import { defaultDataDir } from '@taskwise/db/paths'
import { z } from 'zod'

/** The launcher's settings: read once, here. The services read their own at their start-up. */
const schema = z.object({
  NODE_ENV: nodeEnv,
  CI: booleanFlag,
  DATABASE_URL: postgresUrl.optional(),
  TASKWISE_DATA_DIR: z.string().default(defaultDataDir),
  WEB_PORT: port(3000),
  API_PORT: port(4000),
  BETTER_AUTH_URL: z.url().optional(),
  BETTER_AUTH_SECRET: z.string().optional(),
  // Mail: checked by the web app; the launcher only picks SMTP or the local outbox.
  SMTP_URL: z.string().optional(),
  MAIL_OUTBOX_DIR: z.string().optional(),
  TEST_DATABASE_URL: postgresUrl.optional(),
  CHROMIUM_PATH: z.string().optional(),
  E2E_WEB_PORT: port(3100),
  E2E_API_PORT: port(4100),
  E2E_SMTP_PORT: port(2525),
  // The nginx cluster (npm run cluster): nginx on CLUSTER_PORT, its instances on the next four.
  CLUSTER_PORT: port(8080),
  // The soak's cluster (npm run soak, and its short run in npm test), the same way.
  SOAK_PORT: port(3380),
})

export type LauncherSettings = z.output<typeof schema>

export function readSettings(
  env: Record<string, string | undefined> = process.env,
): LauncherSettings {
  return parseEnv('Taskwise launcher', schema, env)
}
