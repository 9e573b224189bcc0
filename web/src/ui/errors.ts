import type { FormInstance } from 'antd'
import dayjs from 'dayjs'
import type { TFunction } from 'i18next'
import { isApiError, type FieldProblem } from '../api/client'

/** The user's-language message for any error: by `code`, else the server's `detail`. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('errors.unknown')
  const values: Record<string, string> = {}
  const lockedUntil = error.problem.lockedUntil
  if (typeof lockedUntil === 'string')
    values.lockedUntil = dayjs(lockedUntil).format('YYYY-MM-DD HH:mm')
  const fallback = error.detail ?? error.problem.title ?? t('errors.unknown')
  return t(`errors.${error.code}`, { ...values, defaultValue: fallback })
}

function fieldPath(field: string): (string | number)[] {
  return field
    .replace(/^[/.]+/, '')
    .split(/[/.]/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part))
}

function fieldMessage(t: TFunction, problem: FieldProblem): string {
  return t(`errors.field.${problem.code}`, { defaultValue: problem.reason ?? problem.code })
}

/**
 * Puts the server's field errors on the form's fields. Returns true when every
 * error found its field, so the caller need not show a general message too.
 */
export function applyFormErrors<T>(form: FormInstance<T>, t: TFunction, error: unknown): boolean {
  if (!isApiError(error)) return false
  const problems: FieldProblem[] = [...error.errors]
  if (error.field && problems.length === 0) {
    problems.push({ field: error.field, code: error.code, reason: error.reason ?? error.detail })
  }
  // Only the fields the form shows: a value it merely holds (an initial value without a field)
  // would take the error where nobody sees it.
  const values = form.getFieldsValue() as Record<string, unknown>
  const known = problems.filter((p) => {
    const path = fieldPath(p.field)
    return form.getFieldInstance(path) !== undefined || String(path[0]) in values
  })
  if (known.length === 0) return false
  form.setFields(
    known.map((p) => ({
      name: fieldPath(p.field) as never,
      errors: [p.code === error.code ? errorMessage(t, error) : fieldMessage(t, p)],
    })),
  )
  return known.length === problems.length
}
