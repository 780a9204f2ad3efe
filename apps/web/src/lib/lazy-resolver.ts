import type { FieldValues, Resolver } from 'react-hook-form'

/**
 * A react-hook-form resolver whose rules (a zod schema, and zod with it) load on first use
 * instead of with the page (docs/decisions/0312). `preload` starts the load early, e.g. when the
 * form is first focused, so that a submit does not wait; a load that failed is tried again on the
 * next call.
 */
export function lazyResolver<Input extends FieldValues, Output>(
  load: () => Promise<Resolver<Input, unknown, Output>>,
) {
  let loading: Promise<Resolver<Input, unknown, Output>> | undefined
  const loaded = () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined
      throw error
    }))
  const resolver: Resolver<Input, unknown, Output> = async (values, context, options) =>
    (await loaded())(values, context, options)
  return { resolver, preload: () => void loaded().catch(() => undefined) }
}
