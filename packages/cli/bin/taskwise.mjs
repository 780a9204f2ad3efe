#!/usr/bin/env node
// The `taskwise` command: TypeScript source run through tsx, like every Taskwise package
// (docs/decisions/0003-typescript-without-a-build-step.md).
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../src/main.ts')
process.exitCode = await main(process.argv.slice(2))
