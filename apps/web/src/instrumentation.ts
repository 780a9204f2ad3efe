/**
 * Runs once when the server starts (not during `next build`). The Node-only part lives in its own
 * file so that the edge bundle never sees it.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkSettingsAtStartup } = await import('./server/startup')
    checkSettingsAtStartup()
  }
}
