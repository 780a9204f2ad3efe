import { zodResolver } from '@hookform/resolvers/zod'
import { passwordRuleMessage, unmetCompositionRules } from '@taskwise/contracts/password-rules'
import { useSyncExternalStore } from 'react'
import type { FieldValues, Resolver } from 'react-hook-form'
import type { z } from 'zod'
import type * as PolicyModule from './password-policy-module'

/**
 * The whole password policy in the browser — the common-password list and zxcvbn's strength
 * estimate, about 1 MB of words — loaded only when a form that sets a password is first used
 * (focused), never with the page. Until it is there, the forms check what needs no list
 * (docs/decisions/0310-pages-fast-on-a-phone.md).
 */

export type PasswordPolicy = typeof PolicyModule

let loaded: PasswordPolicy | undefined
let loading: Promise<PasswordPolicy> | undefined
const listeners = new Set<() => void>()

/** Starts loading the policy (once); resolves with it. A failed load is tried again next time. */
export function loadPasswordPolicy(): Promise<PasswordPolicy> {
  loading ??= import('./password-policy-module').then(
    (policy) => {
      loaded = policy
      for (const listener of listeners) listener()
      return policy
    },
    (error: unknown) => {
      loading = undefined
      throw error
    },
  )
  return loading
}

/** For a form's focus: starts loading, and leaves a failure to the submit (which waits for it). */
export function preloadPasswordPolicy(): void {
  loadPasswordPolicy().catch(() => {})
}

/**
 * A form resolver that waits for the policy, then validates with the schema `schemaOf` picks from
 * it: a submit is checked against the whole policy, however early it comes.
 */
export function policyResolver<Input extends FieldValues, Output>(
  schemaOf: (policy: PasswordPolicy) => z.ZodType<Output, Input>,
): Resolver<Input, unknown, Output> {
  return async (values, context, options) =>
    zodResolver(schemaOf(await loadPasswordPolicy()))(values, context, options)
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The policy once it has loaded (undefined before, and on the server). */
export function usePasswordPolicy(): PasswordPolicy | undefined {
  return useSyncExternalStore(
    subscribe,
    () => loaded,
    () => undefined,
  )
}

/**
 * The sentence under a password field once a submit found it short of the policy. Without the
 * list (not loaded yet), the rules that need none.
 */
export function unmetPasswordSentence(
  password: string,
  policy: PasswordPolicy | undefined,
): string | undefined {
  const unmet = policy ? policy.unmetPasswordRules(password) : unmetCompositionRules(password)
  if (unmet.length === 0) return undefined
  const rules = unmet.map((code) => passwordRuleMessage(code).toLowerCase())
  return `Password requirements not met: ${rules.join(', ')}.`
}
