import { parseArgs } from 'node:util'
import { renderCommitted } from './output'

/**
 * The bench's command line (`npm run bench -- --help`). `--help` and `--render` are answered
 * here and exit; every other flag is read by the run.
 */
export const { values: flags } = parseArgs({
  options: {
    embedded: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    scale: { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
    render: { type: 'boolean', default: false },
    /** A subset of pages,verify,list,writes,auth,reset,cluster,scale: results go to bench/tmp (scale's: see 0306). */
    only: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
})
if (flags.help) {
  console.log(
    'usage: npm run bench [-- --embedded] [-- --quick] [-- --cpu-prof] [-- --scale] [-- --only=pages,verify,list,writes,auth,reset,cluster,scale] [-- --render]',
  )
  process.exit(0)
}
if (flags.render) {
  renderCommitted()
  process.exit(0)
}
