/**
 * What ./password-policy.ts loads on demand, as one chunk: the policy's common-password check,
 * the schemas of the bodies that set a password, and zxcvbn's strength estimate. Nothing else
 * imports these in the browser, so no page's first load carries the word lists.
 */
export { unmetPasswordRules } from '@taskwise/contracts/password'
export {
  changePasswordBodySchema,
  registerBodySchema,
  resetPasswordBodySchema,
} from '@taskwise/contracts/password-bodies'
export { passwordStrength } from './password-strength'
