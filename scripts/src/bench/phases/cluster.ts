import path from 'node:path'
import { measureClusterList, type ClusterListRun } from '../cluster'
import { API_POOL_MAX, CLUSTER_PORT, LIST_LIMIT } from '../constants'
import type { BenchContext } from '../context'
import { medianByThroughput } from '../measure'

/**
 * 7. The list (`--only=cluster`) through nginx in front of two api and two web instances, against
 * the web origin; the cluster's processes leave the CPU accounting when it stops.
 */
export async function clusterPhase(context: BenchContext): Promise<ClusterListRun[]> {
  try {
    return await measureClusterList({
      settings: context.settings,
      databaseUrl: context.stack.databaseUrl,
      port: CLUSTER_PORT,
      runDir: path.join(context.tmpDir, `cluster-${context.runId}`),
      env: { ...context.serviceEnv, API_DB_POOL_MAX: String(API_POOL_MAX / 2), LOG_LEVEL: 'warn' },
      users: context.listUsers,
      webOrigin: context.webOrigin,
      listLimit: LIST_LIMIT,
      rounds: context.sizes.listRounds,
      timing: context.timing,
      measure: context.measure,
      watch: (name, pid) => context.watched.set(name, pid),
      median: medianByThroughput,
      log: context.log,
      onServiceLine: (service, line) => context.keepLine(`cluster-${service}`)(line),
    })
  } finally {
    for (const name of [...context.watched.keys()].filter((key) => key.startsWith('cluster '))) {
      context.watched.delete(name)
    }
  }
}
