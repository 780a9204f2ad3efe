/**
 * PostgreSQL text cannot hold U+0000, so no text that is stored may contain it: schemas refuse it
 * with `.regex(WITHOUT_NUL, NUL_MESSAGE)`, a 400 naming the field rather than a 500 from the
 * database. Browser-safe.
 */
// eslint-disable-next-line no-control-regex -- the one control character refused
export const WITHOUT_NUL = /^[^\u0000]*$/
export const NUL_MESSAGE = 'Text cannot contain the NUL character (U+0000)'
