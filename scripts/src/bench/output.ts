import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { repoRoot } from '@taskwise/db/paths'
import { renderMarkdown } from './report'
import type { BenchResults, ScaleResults } from './results'

/**
 * Where a run's figures go: bench/results.json and BENCHMARKS.md, or bench/tmp for a scratch run.
 * The scale phase's figures are a run of their own in bench/scale-results.json, which
 * BENCHMARKS.md shows beside the others'.
 */

const committedResults = path.join(repoRoot, 'bench/results.json')
const committedScale = path.join(repoRoot, 'bench/scale-results.json')

function readJson<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined
}

/** `--render`: BENCHMARKS.md again from the committed bench/results.json and bench/scale-results.json. */
export function renderCommitted(): void {
  const results = readJson<BenchResults>(committedResults)
  if (!results) throw new Error('bench: no bench/results.json to render')
  writeFileSync(
    path.join(repoRoot, 'BENCHMARKS.md'),
    renderMarkdown(results, readJson<ScaleResults>(committedScale)),
  )
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
  const scale = readJson<ScaleResults>(
    scratch && existsSync(path.join(tmpDir, 'scale-results.json'))
      ? path.join(tmpDir, 'scale-results.json')
      : committedScale,
  )
  writeFileSync(path.join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`)
  writeFileSync(markdownPath, renderMarkdown(results, scale))
  options.log(
    `wrote ${path.relative(repoRoot, path.join(outDir, 'results.json'))} and ${path.relative(repoRoot, markdownPath)}`,
  )
}

/**
 * The scale phase's figures: bench/scale-results.json and BENCHMARKS.md (rendered with the
 * committed figures of the other phases), or bench/tmp for a `--quick` run.
 */
export function writeScaleResults(
  scale: ScaleResults,
  options: { scratch: boolean; tmpDir: string; log(line: string): void },
): void {
  const file = options.scratch ? path.join(options.tmpDir, 'scale-results.json') : committedScale
  writeFileSync(file, `${JSON.stringify(scale, null, 2)}\n`)
  const results = readJson<BenchResults>(committedResults)
  const markdownPath = options.scratch
    ? path.join(options.tmpDir, 'BENCHMARKS.md')
    : path.join(repoRoot, 'BENCHMARKS.md')
  if (results) writeFileSync(markdownPath, renderMarkdown(results, scale))
  options.log(
    `wrote ${path.relative(repoRoot, file)}${results ? ` and ${path.relative(repoRoot, markdownPath)}` : ''}`,
  )
}
