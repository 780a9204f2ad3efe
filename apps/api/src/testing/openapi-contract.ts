import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020'
import addFormats from 'ajv-formats'

/**
 * An independent check of HTTP answers against an OpenAPI 3.1 document, for tests
 * (docs/decisions/0107-exact-openapi.md). It knows only the document as it was served and Ajv:
 * never the zod schemas the document was generated from. For an answer it finds the operation
 * (path template, then method), and fails when the status is not documented for it, the
 * content type is not one it lists, the body does not match the documented schema, or a
 * required header is missing or malformed. An answer on a path or method the document does not
 * name must be the generic 404 problem (400 for a path that cannot be decoded), unless the
 * caller says that such paths are not its business.
 *
 * Used by the api's test harness (every `app.inject`) and the web app's auth test harness.
 */

export interface ObservedAnswer {
  method: string
  /** The request's path and query (or an absolute URL). */
  url: string
  status: number
  /** Response headers; names in any case. */
  headers: Record<string, string | string[] | number | undefined>
  body: string
}

export interface ContractOptions {
  /** Paths that are not part of the contract at all (their answers are not checked). */
  ignore?: (path: string) => boolean
  /** An answer on a path or method the document does not name: must be a 404 problem, or is skipped. */
  undocumented?: 'not-found' | 'skip'
}

export interface Contract {
  /** What is wrong with `answer`, in sentences; empty when the document allows it. */
  problemsWith(answer: ObservedAnswer): string[]
  /** Throws a ContractViolation naming every problem with `answer`. */
  check(answer: ObservedAnswer): void
}

export class ContractViolation extends Error {
  override name = 'ContractViolation'
}

type Json = Record<string, unknown>

interface OperationMatch {
  template: string
  operation: Json
  pointer: string
}

interface PathTemplate {
  template: string
  pattern: RegExp
  parameters: number
}

const DOCUMENT_ID = 'openapi-document'
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1')
}

function templatePattern(template: string): PathTemplate {
  const parts = template.split(/(\{[^}]+\})/)
  const source = parts
    // A path parameter is never empty (OpenAPI: path parameters are required).
    .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('')
  return {
    template,
    pattern: new RegExp(`^${source}$`),
    parameters: parts.filter((part) => part.startsWith('{')).length,
  }
}

function mediaTypeOf(headers: ObservedAnswer['headers']): string | undefined {
  const value = headerValue(headers, 'content-type')
  return value?.split(';')[0]?.trim().toLowerCase() || undefined
}

function headerValue(headers: ObservedAnswer['headers'], name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name.toLowerCase() || value === undefined) continue
    return Array.isArray(value) ? value.join(', ') : String(value)
  }
  return undefined
}

/** The path of a request URL, as sent: not normalised, not decoded. */
function pathOf(url: string): string {
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(url)
  const rest = origin ? url.slice(origin[0].length) : url
  return rest.split(/[?#]/, 1)[0] || '/'
}

function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json')
}

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .slice(0, 5)
    .map((error) => `${error.instancePath || '(root)'} ${error.message ?? 'is not valid'}`)
    .join('; ')
}

function excerpt(body: string): string {
  return body.length > 300 ? `${body.slice(0, 300)}…` : body
}

export function createContract(document: Json, options: ContractOptions = {}): Contract {
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  ajv.addSchema(structuredClone(document), DOCUMENT_ID)
  const validators = new Map<string, ValidateFunction>()
  const paths = (document.paths ?? {}) as Record<string, Json>
  // Concrete segments before templated ones: /tasks/summary is not /tasks/{task_id}.
  const templates = Object.keys(paths)
    .map(templatePattern)
    .sort((a, b) => a.parameters - b.parameters)

  function validatorAt(pointer: string): ValidateFunction {
    let validate = validators.get(pointer)
    if (!validate) {
      validate = ajv.getSchema(`${DOCUMENT_ID}#${pointer}`)
      if (!validate) throw new Error(`the document has no schema at ${pointer}`)
      validators.set(pointer, validate)
    }
    return validate
  }

  /** The object at `pointer`, following a `$ref` to another part of the document. */
  function resolve(value: unknown, pointer: string): { value: Json; pointer: string } {
    const ref = (value as Json | undefined)?.$ref
    if (typeof ref !== 'string' || !ref.startsWith('#/')) return { value: value as Json, pointer }
    let target: unknown = document
    for (const segment of ref.slice(2).split('/')) {
      target = (target as Json)[segment.replaceAll('~1', '/').replaceAll('~0', '~')]
    }
    return { value: target as Json, pointer: ref.slice(1) }
  }

  function findOperation(method: string, path: string): OperationMatch | undefined {
    const key = method.toLowerCase()
    for (const { template, pattern } of templates) {
      const operation = paths[template]?.[key]
      if (!pattern.test(path) || !METHODS.includes(key) || !operation) continue
      return {
        template,
        operation: operation as Json,
        pointer: `/paths/${escapePointer(template)}/${key}`,
      }
    }
    return undefined
  }

  function checkSchema(pointer: string, value: unknown, what: string): string[] {
    const validate = validatorAt(pointer)
    return validate(value)
      ? []
      : [`${what} does not match the document: ${describeErrors(validate.errors)}`]
  }

  function checkBody(answer: ObservedAnswer, content: Json, pointer: string): string[] {
    const mediaType = mediaTypeOf(answer.headers)
    if (answer.method.toUpperCase() === 'HEAD') return []
    if (!mediaType) return ['the answer has a body but no Content-Type']
    const [type] = mediaType.split('/')
    const documented = [mediaType, `${type}/*`, '*/*'].find((candidate) => candidate in content)
    if (!documented) {
      return [`Content-Type ${mediaType} is not documented (${Object.keys(content).join(', ')})`]
    }
    const media = content[documented] as Json
    if (!media.schema) return []
    const schemaPointer = `${pointer}/content/${escapePointer(documented)}/schema`
    let value: unknown = answer.body
    if (isJsonMediaType(mediaType)) {
      try {
        value = JSON.parse(answer.body)
      } catch {
        return [`the ${mediaType} body is not JSON`]
      }
    }
    return checkSchema(schemaPointer, value, 'the body')
  }

  function checkHeaders(answer: ObservedAnswer, headers: Json, pointer: string): string[] {
    const problems: string[] = []
    for (const [name, declared] of Object.entries(headers)) {
      if (name.toLowerCase() === 'content-type') continue
      const header = resolve(declared, `${pointer}/${escapePointer(name)}`)
      const value = headerValue(answer.headers, name)
      if (value === undefined) {
        if (header.value.required === true) problems.push(`the required header ${name} is missing`)
      } else if (header.value.schema) {
        problems.push(...checkSchema(`${header.pointer}/schema`, value, `the header ${name}`))
      }
    }
    return problems
  }

  function checkDocumented(answer: ObservedAnswer, match: OperationMatch): string[] {
    const responses = (match.operation.responses ?? {}) as Json
    const status = String(answer.status)
    const key = [status, `${status[0]}XX`, 'default'].find((candidate) => candidate in responses)
    if (!key) {
      return [
        `status ${status} is not documented for ${answer.method.toUpperCase()} ${match.template} (${Object.keys(responses).join(', ')})`,
      ]
    }
    const response = resolve(responses[key], `${match.pointer}/responses/${key}`)
    const problems = checkHeaders(
      answer,
      (response.value.headers ?? {}) as Json,
      `${response.pointer}/headers`,
    )
    const content = response.value.content as Json | undefined
    if (content && Object.keys(content).length > 0) {
      if (answer.body.length === 0 && answer.method.toUpperCase() !== 'HEAD') {
        problems.push('the answer has no body, but the document describes one')
      } else {
        problems.push(...checkBody(answer, content, response.pointer))
      }
    } else if (answer.body.length > 0) {
      problems.push(`the document describes no body for ${status}, but the answer has one`)
    }
    return problems
  }

  /** The only answers allowed where the document names nothing: a 404 problem (400 for a bad path). */
  function checkUndocumented(answer: ObservedAnswer, path: string): string[] {
    let decodable = true
    try {
      decodeURIComponent(path)
    } catch {
      decodable = false
    }
    const allowed = decodable ? [404] : [400, 404]
    const what = `${answer.method.toUpperCase()} ${path} is not in the document`
    if (!allowed.includes(answer.status)) return [`${what}, yet it answered ${answer.status}`]
    if (mediaTypeOf(answer.headers) !== 'application/problem+json') {
      return [`${what}: its ${answer.status} must be application/problem+json`]
    }
    const components = (document.components ?? {}) as { schemas?: Json }
    if (!components.schemas?.Problem || answer.method.toUpperCase() === 'HEAD') return []
    try {
      return checkSchema('/components/schemas/Problem', JSON.parse(answer.body), 'the problem')
    } catch {
      return [`${what}: its ${answer.status} body is not JSON`]
    }
  }

  function problemsWith(answer: ObservedAnswer): string[] {
    const path = pathOf(answer.url)
    if (options.ignore?.(path)) return []
    const match = findOperation(answer.method, path)
    if (match) return checkDocumented(answer, match)
    return options.undocumented === 'skip' ? [] : checkUndocumented(answer, path)
  }

  return {
    problemsWith,
    check(answer) {
      const problems = problemsWith(answer)
      if (problems.length === 0) return
      throw new ContractViolation(
        `${answer.method.toUpperCase()} ${answer.url} answered ${answer.status}, which the OpenAPI document does not allow:\n- ${problems.join('\n- ')}\nbody: ${excerpt(answer.body)}`,
      )
    },
  }
}
