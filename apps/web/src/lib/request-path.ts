/**
 * The request header through which the proxy tells server components the path and query the
 * visitor asked for (layouts are not given them), so a sign-in can return there. A visitor can
 * send it too: whatever it says goes through safeNextPath before it is used.
 */
export const REQUEST_PATH_HEADER = 'x-taskwise-path'
