import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript'
import { apiDocument, authDocument } from './documents'

/**
 * `npm run generate -w @taskwise/api-client`: the TypeScript types of the api's OpenAPI document,
 * written to src/generated/. They are committed; `npm test` fails when they drift from the
 * document (generate.test.ts), so a change to a route schema comes with its regenerated client.
 */

const here = path.dirname(fileURLToPath(import.meta.url))

export const GENERATED = [
  { file: path.join(here, 'generated/api.ts'), document: apiDocument },
  { file: path.join(here, 'generated/auth.ts'), document: authDocument },
]

const HEADER =
  '// Generated from the OpenAPI document by `npm run generate -w @taskwise/api-client`. Do not edit.\n\n'

export async function render(document: OpenAPI3): Promise<string> {
  return (
    HEADER +
    astToString(await openapiTS(document, { alphabetize: true, defaultNonNullable: false }))
  )
}

export async function generatedFiles(): Promise<Array<{ file: string; content: string }>> {
  const files = []
  for (const { file, document } of GENERATED) {
    files.push({ file, content: await render(await document()) })
  }
  return files
}

/** Files whose committed content differs from what the documents generate now. */
export async function driftedFiles(): Promise<string[]> {
  const drifted = []
  for (const { file, content } of await generatedFiles()) {
    const committed = await readFile(file, 'utf8').catch(() => '')
    if (committed !== content) drifted.push(path.relative(process.cwd(), file))
  }
  return drifted
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const { file, content } of await generatedFiles()) {
    await writeFile(file, content)
    console.log(`api-client: wrote ${path.relative(process.cwd(), file)}`)
  }
}
