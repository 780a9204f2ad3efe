import { z } from 'zod'

/** The answers of the health and readiness routes (web: /api/health, /api/ready). */
export const healthResponseSchema = z.object({ status: z.literal('ok') })
export const readyResponseSchema = z.object({ status: z.literal('ready') })
