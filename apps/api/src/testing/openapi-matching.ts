import type { ErrorObject } from 'ajv/dist/2020'

/**
 * The small pieces of HTTP and OpenAPI that ./openapi-contract.ts matches answers with: path
 * templates, JSON pointers, header values and media types.
 */

export type AnswerHeaders = Record<string, string | string[] | number | undefined>

export interface PathTemplate {
  template: string
  pattern: RegExp
  parameters: number
}

export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

export function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1')
}

export function unescapePointer(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~')
}

/** The templates of `paths`, concrete segments first: /tasks/summary is not /tasks/{task_id}. */
export function pathTemplates(paths: Record<string, unknown>): PathTemplate[] {
  return Object.keys(paths)
    .map((template) => {
      const parts = template.split(/(\{[^}]+\})/)
      const source = parts
        // A path parameter is never empty (OpenAPI: path parameters are required).
        .map((part) =>
          part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
        )
        .join('')
      return {
        template,
        pattern: new RegExp(`^${source}$`),
        parameters: parts.filter((part) => part.startsWith('{')).length,
      }
    })
    .sort((a, b) => a.parameters - b.parameters)
}

/** The path of a request URL, as sent: not normalised, not decoded. */
export function pathOf(url: string): string {
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(url)
  const rest = origin ? url.slice(origin[0].length) : url
  return rest.split(/[?#]/, 1)[0] || '/'
}

export function isDecodable(path: string): boolean {
  try {
    decodeURIComponent(path)
    return true
  } catch {
    return false
  }
}

export function headerValue(headers: AnswerHeaders, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name.toLowerCase() || value === undefined) continue
    return Array.isArray(value) ? value.join(', ') : String(value)
  }
  return undefined
}

/** `application/problem+json` for `application/problem+json; charset=utf-8`. */
export function mediaTypeOf(headers: AnswerHeaders): string | undefined {
  const value = headerValue(headers, 'content-type')
  return value?.split(';')[0]?.trim().toLowerCase() || undefined
}

export function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json')
}

export function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .slice(0, 5)
    .map((error) => `${error.instancePath || '(root)'} ${error.message ?? 'is not valid'}`)
    .join('; ')
}

export function excerpt(body: string): string {
  return body.length > 300 ? `${body.slice(0, 300)}…` : body
}
