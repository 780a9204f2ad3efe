import { readFileSync } from 'node:fs'

/**
 * Where a .cpuprofile's time went, for the investigations in docs/decisions/03xx:
 *   node --import tsx scripts/src/bench/profile-summary.ts bench/tmp/profiles/<file>.cpuprofile [top]
 * Prints self time by package (or node: internals / native), the top functions by self time, and
 * the top functions by inclusive time (a function and everything it called) over the busy time.
 */

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  hitCount?: number
  children?: number[]
}

interface CpuProfile {
  nodes: ProfileNode[]
  startTime: number
  endTime: number
  samples: number[]
  timeDeltas: number[]
}

export function packageOf(url: string): string {
  if (!url) return '(native / VM)'
  if (url.startsWith('node:')) return 'node: internals'
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (match?.[1]) return match[1]
  const workspace = /\/work\/[^/]+\/(apps\/[^/]+|packages\/[^/]+|scripts)\//.exec(url)
  return workspace?.[1] ?? url
}

function main(): void {
  const [file, topArg] = process.argv.slice(2)
  if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [top]')
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const selfMs = new Map<number, number>()
  profile.samples.forEach((id, index) =>
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000),
  )
  const total = (profile.endTime - profile.startTime) / 1000
  const byPackage = new Map<string, number>()
  const byFunction = new Map<string, number>()
  for (const [id, ms] of selfMs) {
    const node = byId.get(id)
    if (!node) continue
    const { functionName, url, lineNumber } = node.callFrame
    byPackage.set(packageOf(url), (byPackage.get(packageOf(url)) ?? 0) + ms)
    const name = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms)
  }
  const show = (title: string, map: Map<string, number>, top: number, of = total) => {
    console.log(`\n${title}`)
    for (const [name, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(
        `${ms.toFixed(0).padStart(8)} ms  ${((ms / of) * 100).toFixed(1).padStart(5)} %  ${name}`,
      )
    }
  }
  console.log(`profile: ${total.toFixed(0)} ms wall`)
  show('self time by package', byPackage, 25)
  show('self time by function', byFunction, Number(topArg ?? 30))

  // Inclusive time: each busy sample counts once for every distinct function on its stack.
  const parentOf = new Map<number, number>()
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parentOf.set(child, node.id)
  const inclusive = new Map<string, number>()
  let busy = 0
  for (const [id, ms] of selfMs) {
    if (byId.get(id)?.callFrame.functionName === '(idle)') continue
    busy += ms
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const frame = byId.get(at)?.callFrame
      if (!frame) break
      const name = `${frame.functionName || '(anonymous)'} ${packageOf(frame.url)} ${frame.url.split('/').slice(-1)[0]}:${frame.lineNumber + 1}`
      if (seen.has(name)) continue
      seen.add(name)
      inclusive.set(name, (inclusive.get(name) ?? 0) + ms)
    }
  }
  console.log(`\nbusy (not idle): ${busy.toFixed(0)} ms`)
  show(
    'inclusive time by function, as a share of the busy time',
    inclusive,
    Number(topArg ?? 30) * 2,
    busy,
  )
}

main()
