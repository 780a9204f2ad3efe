// Where a profile's busy time went, by who is responsible for each sample: the innermost frame
// that belongs to a package or to our source, Next's bundled chunks resolved through their source
// maps (docs/decisions/0322). Native and node: frames count for the first such frame above them.
//   node scripts/src/bench/profile-by-source.mjs <file.cpuprofile> [pkg|file] [top]
import { readFileSync, existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { SourceMapConsumer } from 'source-map-js'
const [file, mode = 'pkg'] = process.argv.slice(2)
const profile = JSON.parse(readFileSync(file, 'utf8'))
const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const parentOf = new Map()
for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id)
const maps = new Map()
function consumer(url) {
  if (!maps.has(url)) {
    const path = fileURLToPath(url) + '.map'
    maps.set(
      url,
      existsSync(path) ? new SourceMapConsumer(JSON.parse(readFileSync(path, 'utf8'))) : null,
    )
  }
  return maps.get(url)
}
const label = new Map()
function labelOf(frame) {
  const key = `${frame.url}:${frame.lineNumber}:${frame.columnNumber}`
  if (label.has(key)) return label.get(key)
  let out = null
  let url = frame.url
  if (url && !url.startsWith('node:')) {
    let source = url
    if (url.includes('/.next/')) {
      const c = consumer(url)
      const pos = c?.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber })
      source = pos?.source ?? url
    }
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)(\/.*)?/.exec(source)
    if (m) out = mode === 'file' ? `${m[1]}${(m[2] ?? '').replace(/^\/dist/, '')}` : m[1]
    else {
      const w = /(apps\/[^/]+\/src\/.*|packages\/[^/]+\/src\/.*|scripts\/src\/.*)$/.exec(source)
      out = w
        ? mode === 'file'
          ? w[1]
          : w[1]
              .split('/')
              .slice(0, mode === 'dir' ? 5 : 4)
              .join('/')
        : source
    }
  }
  label.set(key, out)
  return out
}
const selfMs = new Map()
profile.samples.forEach((id, i) =>
  selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000),
)
const totals = new Map()
let busy = 0
let profiler = 0
for (const [id, ms] of selfMs) {
  const leaf = byId.get(id)
  if (leaf.callFrame.functionName === '(idle)') continue
  let who = null
  let skip = false
  const native = leaf.callFrame.url === '' ? leaf.callFrame.functionName : ''
  for (let at = id; at !== undefined; at = parentOf.get(at)) {
    const f = byId.get(at).callFrame
    if (f.url.includes('profile-on-signal')) {
      skip = true
      break
    }
    if (!who) who = labelOf(f)
  }
  if (skip) {
    profiler += ms
    continue
  }
  busy += ms
  const name = who ?? (native ? `(${native})` : '(node internals, no package above)')
  totals.set(name, (totals.get(name) ?? 0) + ms)
}
console.log(`busy ${busy.toFixed(0)} ms (profiler's own ${profiler.toFixed(0)} ms left out)`)
for (const [n, ms] of [...totals]
  .sort((a, b) => b[1] - a[1])
  .slice(0, Number(process.argv[4] ?? 40)))
  console.log(
    `${ms.toFixed(0).padStart(7)} ms ${((ms / busy) * 100).toFixed(1).padStart(5)} %  ${n}`,
  )
