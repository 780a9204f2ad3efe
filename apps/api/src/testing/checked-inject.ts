import type { FastifyInstance } from 'fastify'
import { createContract, type Contract } from './openapi-contract'

/**
 * Makes every promise-style `app.inject(...)` of a test check its answer against the api's own
 * /openapi.json, with the independent validator (./openapi-contract.ts): an answer the document
 * does not allow rejects the inject, so the test that made the request fails, naming why.
 * The UI pages under /docs are not part of the api, and are not checked.
 */

type Document = Record<string, unknown>

export const OUTSIDE_THE_API = (path: string) => path === '/docs' || path.startsWith('/docs/')

/** The api's document, as a client would read it. */
export async function servedDocument(app: FastifyInstance): Promise<Document> {
  const response = await app.inject({ method: 'GET', url: '/openapi.json' })
  if (response.statusCode !== 200) throw new Error(`/openapi.json answered ${response.statusCode}`)
  return response.json<Document>()
}

export async function checkInjectedAnswers(
  app: FastifyInstance,
  /** Changes the document the answers are checked against (tests of this check). */
  edit: (document: Document) => Document = (document) => document,
): Promise<Contract> {
  const contract = createContract(edit(await servedDocument(app)), { ignore: OUTSIDE_THE_API })
  const inject = app.inject.bind(app) as (...args: unknown[]) => unknown
  const checked = (...args: unknown[]) => {
    // The chained and callback forms stay as they are; tests here await the promise form.
    if (args.length !== 1) return inject(...args)
    return (inject(args[0]) as Promise<InjectedResponse>).then((response) => {
      contract.check({
        method: response.raw.req.method ?? 'GET',
        url: response.raw.req.url ?? '/',
        status: response.statusCode,
        headers: response.headers,
        body: response.body,
      })
      return response
    })
  }
  app.inject = checked as typeof app.inject
  return contract
}

type InjectedResponse = Awaited<ReturnType<FastifyInstance['inject']>>
