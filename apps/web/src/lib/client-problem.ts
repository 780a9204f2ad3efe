import { fieldErrorSchema } from '@taskwise/contracts/problem'
import { z } from 'zod'

/**
 * A problem+json body as the browser sees it. Parsed loosely (the auth routes have codes of their
 * own that the api's catalog does not list): a code and a detail are all a page needs. Loaded by
 * `problem-error.ts` when a refusal is read, so no page builds it before it needs it.
 */
export const clientProblemSchema = z.object({
  status: z.number().int(),
  code: z.string(),
  title: z.string().optional(),
  detail: z.string().optional(),
  errors: z.array(fieldErrorSchema).optional(),
})

export type ClientProblem = z.infer<typeof clientProblemSchema>
