import { readSettings } from './settings'

/**
 * Ports of the stack the tests start (the browser suite and the launcher test): apart from the
 * defaults (3000/4000), so the tests never collide with a Taskwise the developer is running.
 * E2E_WEB_PORT, E2E_API_PORT and E2E_SMTP_PORT (the test mailbox) move them (two checkouts
 * testing side by side).
 */
const settings = readSettings()
export const WEB_PORT = settings.E2E_WEB_PORT
export const API_PORT = settings.E2E_API_PORT
export const SMTP_PORT = settings.E2E_SMTP_PORT
