// Steps whose input the generated form cannot take well (files chosen from the case, a roster
// table, findings with photos, an inspection with its damage lines): a form of their own, keyed by
// the case's type and the action's name. Every other step keeps the form drawn from its schema.
import type { ComponentType } from 'react'
import type { CaseDetail, CaseType } from '../api'
import { FIT_OUT_FORMS } from './fit-out/forms'
import type { JsonSchema } from './SchemaFields'

export type ActionFormProps = {
  detail: CaseDetail
  schema: JsonSchema
  /** Values fixed by where the form was opened from (the pass a row's button revokes). */
  preset?: Record<string, unknown>
}

export type ActionForm = {
  Fields: ComponentType<ActionFormProps>
  initialValues?: (detail: CaseDetail) => Record<string, unknown>
  /** The form's values as the action's input. */
  toInput: (values: Record<string, unknown>, detail: CaseDetail) => Record<string, unknown>
  width?: number
}

const FORMS: Partial<Record<CaseType, Partial<Record<string, ActionForm>>>> = {
  fit_out: FIT_OUT_FORMS,
}

export const actionForm = (type: CaseType, action: string): ActionForm | undefined =>
  FORMS[type]?.[action]
