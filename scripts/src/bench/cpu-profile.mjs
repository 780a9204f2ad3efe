// Preloaded into the services by `npm run bench -- --cpu-prof` (through NODE_OPTIONS=--import,
// because Node 20 refuses --cpu-prof there): profiles the whole process with the inspector and
// writes a .cpuprofile into BENCH_PROFILE_DIR when it exits (open it in Chrome DevTools).
import { mkdirSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector'
import path from 'node:path'

const dir = process.env.BENCH_PROFILE_DIR
if (dir) {
  const session = new Session()
  session.connect()
  session.post('Profiler.enable')
  session.post('Profiler.setSamplingInterval', { interval: 200 })
  session.post('Profiler.start')
  process.on('exit', () => {
    // A same-thread inspector session answers synchronously, so this completes inside 'exit'.
    session.post('Profiler.stop', (error, result) => {
      if (error) return
      const name = path.basename(process.argv[1] ?? 'node').replace(/\W+/g, '-')
      mkdirSync(dir, { recursive: true })
      writeFileSync(
        path.join(dir, `${name}-${process.pid}.cpuprofile`),
        JSON.stringify(result.profile),
      )
    })
  })
}
