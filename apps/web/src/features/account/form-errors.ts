import {
  PASSWORD_RULE_CODES,
  passwordRuleMessage,
  type PasswordRuleCode,
} from '@taskwise/contracts/password-rules'
import type { FieldPath, FieldValues, UseFormReturn } from 'react-hook-form'
import { applyServerErrors } from '@/features/auth/form-errors'
import { ApiError } from '@/lib/problem-error'

/** Where the account forms put what the server refused. */
export interface ServerErrorTargets<Values extends FieldValues> {
  /** The form's fields, in the order they are shown: the first with an error takes focus. */
  fields: readonly FieldPath<Values>[]
  /** The field that holds the current password (`invalid_password` goes there). */
  currentPasswordField?: FieldPath<Values>
  /** The field that holds a new password (`password_policy` goes there). */
  newPasswordField?: FieldPath<Values>
  /** Messages by problem code for a field, used when the server named no field itself. */
  codes?: Partial<Record<string, { field: FieldPath<Values>; message: string }>>
}

const INVALID_PASSWORD = 'The password is not correct.'

function isRuleCode(code: string): code is PasswordRuleCode {
  return PASSWORD_RULE_CODES.some((known) => known === code)
}

/** The sentence under a new-password field for the rules the server listed as unmet. */
function policyRefusalSentence(error: ApiError): string {
  const rules = error.fieldErrors.map((finding) =>
    isRuleCode(finding.code) ? passwordRuleMessage(finding.code) : finding.message,
  )
  if (rules.length === 0) return 'The password does not meet the requirements.'
  return `Password requirements not met: ${rules.map((rule) => rule.toLowerCase()).join(', ')}.`
}

/**
 * Shows a refusal next to the field it concerns, through the sign-in forms' helper, with the
 * account centre's own codes (`invalid_password`, `password_policy`, `same_email`) placed even
 * when the server named no field or another name for it. The first field with an error is
 * focused. Returns the sentence for the whole form, if any is left.
 */
export function showServerErrors<Values extends FieldValues, Output extends FieldValues>(
  error: unknown,
  form: UseFormReturn<Values, unknown, Output>,
  targets: ServerErrorTargets<Values>,
): string | undefined {
  const { fields, currentPasswordField, newPasswordField, codes = {} } = targets
  let formError: string | undefined
  if (error instanceof ApiError && error.code === 'password_policy' && newPasswordField) {
    form.setError(newPasswordField, { type: 'server', message: policyRefusalSentence(error) })
  } else if (
    error instanceof ApiError &&
    error.code === 'invalid_password' &&
    currentPasswordField
  ) {
    const message = error.fieldErrors[0]?.message ?? INVALID_PASSWORD
    // As at sign-in: the wrong password is emptied, to be typed again.
    form.resetField(currentPasswordField)
    form.setError(currentPasswordField, { type: 'server', message })
  } else {
    formError = applyServerErrors(error, fields, form.setError)
    const byCode = error instanceof ApiError && error.status < 429 ? codes[error.code] : undefined
    if (formError !== undefined && byCode) {
      form.setError(byCode.field, { type: 'server', message: byCode.message })
      formError = undefined
    }
  }
  const first = fields.find((field) => form.getFieldState(field).error)
  if (first) form.setFocus(first)
  return formError
}
