import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { repoRoot } from '@taskwise/db/paths'
import { renderMarkdown } from './report'
import type { BenchResults } from './results'

/** Where a run's figures go: bench/results.json and BENCHMARKS.md, or bench/tmp for a scratch run. */

/** `--render`: BENCHMARKS.md again from the committed bench/results.json. */
export function renderCommitted(): void {
  const results = JSON.parse(
    readFileSync(path.join(repoRoot, 'bench/results.json'), 'utf8'),
  ) as BenchResults
  writeFileSync(path.join(repoRoot, 'BENCHMARKS.md'), renderMarkdown(results))
  console.log('bench: rendered BENCHMARKS.md from bench/results.json')
}

/** A partial or short run (`scratch`) is for trying things out: it never overwrites the committed figures. */
export function writeResults(
  results: BenchResults,
  options: { scratch: boolean; tmpDir: string; log(line: string): void },
): void {
  const { scratch, tmpDir } = options
  const outDir = scratch ? tmpDir : path.join(repoRoot, 'bench')
  const markdownPath = scratch
    ? path.join(tmpDir, 'BENCHMARKS.md')
    : path.join(repoRoot, 'BENCHMARKS.md')
  writeFileSync(path.join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`)
  writeFileSync(markdownPath, renderMarkdown(results))
  options.log(
    `wrote ${path.relative(repoRoot, path.join(outDir, 'results.json'))} and ${path.relative(repoRoot, markdownPath)}`,
  )
}
