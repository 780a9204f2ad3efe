/**
 * Ports of the stack the tests start (the browser suite and the launcher test): apart from the
 * defaults (3000/4000), so the tests never collide with a Taskwise the developer is running.
 */
export const WEB_PORT = 3100
export const API_PORT = 4100
