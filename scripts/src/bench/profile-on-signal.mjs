// Preloaded (NODE_OPTIONS=--import) by sign-in-profile.ts: SIGUSR2 starts the inspector's CPU
// profiler, the next SIGUSR2 stops it and writes PROFILE_FILE — so a profile holds one burst only.
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector'

const file = process.env.PROFILE_FILE
if (file) {
  const session = new Session()
  session.connect()
  session.post('Profiler.enable')
  session.post('Profiler.setSamplingInterval', { interval: 200 })
  let running = false
  process.on('SIGUSR2', () => {
    if (!running) {
      running = true
      session.post('Profiler.start')
      return
    }
    running = false
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(file, JSON.stringify(result.profile))
    })
  })
}
