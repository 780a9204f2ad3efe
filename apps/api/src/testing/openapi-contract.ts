import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import {
  describeErrors,
  escapePointer,
  excerpt,
  headerValue,
  isDecodable,
  isJsonMediaType,
  mediaTypeOf,
  METHODS,
  pathOf,
  pathTemplates,
  unescapePointer,
  type AnswerHeaders,
} from './openapi-matching'

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
  headers: AnswerHeaders
  body: string
}

export interface ContractOptions {
  /** Paths that are not part of the contract at all (their answers are not checked). */
  ignore?: (path: string) => boolean
  /**
   * An answer on a path no template matches: must be a 404 problem (the default), or is not
   * checked. A method missing on a documented path is always checked (404 problem or 405).
   */
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

const DOCUMENT_ID = 'openapi-document'

export function createContract(document: Json, options: ContractOptions = {}): Contract {
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  ajv.addSchema(structuredClone(document), DOCUMENT_ID)
  const validators = new Map<string, ValidateFunction>()
  const paths = (document.paths ?? {}) as Record<string, Json>
  const templates = pathTemplates(paths)

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
      target = (target as Json)[unescapePointer(segment)]
    }
    return { value: target as Json, pointer: ref.slice(1) }
  }

  /** The operation for `method` on the first template that matches `path`, or whether any does. */
  function findOperation(method: string, path: string): OperationMatch | 'no-method' | undefined {
    const key = method.toLowerCase()
    const matching = templates.filter(({ pattern }) => pattern.test(path))
    for (const { template } of matching) {
      const operation = paths[template]?.[key]
      if (!METHODS.includes(key) || !operation) continue
      const pointer = `/paths/${escapePointer(template)}/${key}`
      return { template, operation: operation as Json, pointer }
    }
    return matching.length > 0 ? 'no-method' : undefined
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

  /**
   * The only answers allowed where the document names nothing: a 404 problem (or 400, for a path
   * that cannot be decoded), and for a method the path does not have, a 405 too.
   */
  function checkUndocumented(answer: ObservedAnswer, path: string, known: boolean): string[] {
    const allowed = known ? [404, 405] : isDecodable(path) ? [404] : [400, 404]
    const what = `${answer.method.toUpperCase()} ${path} is not in the document`
    if (!allowed.includes(answer.status)) return [`${what}, yet it answered ${answer.status}`]
    if (answer.status === 405) return []
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
    if (typeof match === 'object') return checkDocumented(answer, match)
    // A path the document claims is checked even where other paths are skipped.
    if (match === undefined && options.undocumented === 'skip') return []
    return checkUndocumented(answer, path, match === 'no-method')
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
