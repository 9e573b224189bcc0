// An action's form, drawn from the JSON Schema of its input (availableActions[].input): the
// server says what an action takes; this file only decides how each kind of field is entered.
import { Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select, Switch } from 'antd'
import type { Rule } from 'antd/es/form'
import dayjs, { type Dayjs } from 'dayjs'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { parseYuan } from '../../../ui/money'
import {
  type Attachment,
  type CaseType,
  type DepartmentCode,
  DEPARTMENTS,
  useAssignable,
} from '../api'
import { enumLabel, fieldLabel, roleLabel } from '../labels'
import { DepositSelect, PhotoSelect } from './ContextSelects'
import { LinesField, ListField } from './SchemaListField'
import { SignaturePad } from './SignaturePad'

export type JsonSchema = {
  type?: string
  enum?: unknown[]
  const?: unknown
  format?: string
  pattern?: string
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  minItems?: number
}

export type Kind =
  | 'signature'
  | 'assignee'
  | 'department'
  | 'deposit'
  | 'photo'
  | 'enum'
  | 'date'
  | 'datetime'
  | 'money'
  | 'boolean'
  | 'confirm'
  | 'list'
  | 'lines'
  | 'choices'
  | 'number'
  | 'textarea'
  | 'text'

// Free text a person writes at length (a reason, a result, a note) gets a text area.
const LONG_TEXT = new Set([
  'reason',
  'note',
  'text',
  'result',
  'workDone',
  'description',
  'outcome',
  'feedback',
  'content',
  'answer',
  'comment',
])

/** Dates of a step that say when something was done (the works finished): not in the future. */
const PAST_DATES = new Set(['completedOn'])

export function fieldKind(name: string, schema: JsonSchema): Kind {
  if (name === 'signature') return 'signature'
  if (name === 'assigneeId') return 'assignee'
  if (name === 'department') return 'department'
  if (name === 'depositId') return 'deposit'
  if (name === 'photoId') return 'photo'
  if (schema.enum) return 'enum'
  // A box the person must tick ("the rules were explained"): the input takes only true.
  if (schema.const === true) return 'confirm'
  if (schema.format === 'date') return 'date'
  if (schema.format === 'date-time') return 'datetime'
  // Money travels as fen: the person types yuan.
  if ((name === 'amount' || name === 'cost') && schema.type === 'integer') return 'money'
  if (schema.type === 'boolean') return 'boolean'
  if (schema.type === 'array' && schema.items?.type === 'object') return 'list'
  if (schema.type === 'array' && schema.items?.enum) return 'choices'
  if (schema.type === 'array' && schema.items?.type === 'string') return 'lines'
  if (schema.type === 'number' || schema.type === 'integer') return 'number'
  if (LONG_TEXT.has(name) || (schema.maxLength ?? 0) > 200) return 'textarea'
  return 'text'
}

/** The fields in the schema's order, with who signs (name, then the drawing) last. */
export function orderedFields(schema: JsonSchema): [string, JsonSchema][] {
  const entries = Object.entries(schema.properties ?? {})
  const last = ['signerName', 'signature']
  return [
    ...entries.filter(([name]) => !last.includes(name)),
    ...entries.filter(([name]) => last.includes(name)),
  ]
}

/** Form values to the action's input: dates as YYYY-MM-DD, times as ISO, yuan as fen, blanks left out. */
export function toActionInput(schema: JsonSchema, values: Record<string, unknown>) {
  const input: Record<string, unknown> = {}
  for (const [name, field] of orderedFields(schema)) {
    const value = values[name]
    if (value === undefined || value === null) continue
    const kind = fieldKind(name, field)
    if (kind === 'date') input[name] = (value as Dayjs).format('YYYY-MM-DD')
    else if (kind === 'datetime') input[name] = (value as Dayjs).toISOString()
    else if (kind === 'money') input[name] = parseYuan(String(value))
    else if (kind === 'list')
      // A list's rows are forms of their own (a damage line's cost is typed in yuan too).
      input[name] = (value as Record<string, unknown>[]).map((item) =>
        toActionInput(field.items ?? {}, item ?? {}),
      )
    else if (kind === 'lines') {
      const lines = (value as (string | undefined)[]).map((l) => l?.trim()).filter(Boolean)
      if (lines.length > 0) input[name] = lines
    } else if (typeof value === 'string') {
      const trimmed = value.trim()
      if (trimmed) input[name] = trimmed
    } else input[name] = value
  }
  return input
}

/**
 * Starting values: switches off, lists empty, and a date the case already holds under the same
 * name (confirming a move-out's date starts from the date asked for).
 */
export function initialValues(
  schema: JsonSchema,
  data: Record<string, unknown> = {},
): Record<string, unknown> {
  return Object.fromEntries(
    orderedFields(schema).flatMap(([name, field]): [string, unknown][] => {
      const kind = fieldKind(name, field)
      const held = data[name]
      if (kind === 'boolean' || kind === 'confirm') return [[name, false]]
      if (kind === 'list' || kind === 'choices') return [[name, []]]
      if (kind === 'lines') return [[name, (field.minItems ?? 0) > 0 ? [''] : []]]
      // The day a piece of work was finished: today, most often.
      if (kind === 'date' && PAST_DATES.has(name)) return [[name, dayjs()]]
      if (kind === 'date' && typeof held === 'string' && dayjs(held).isValid())
        return [[name, dayjs(held)]]
      return []
    }),
  )
}

export function rulesFor(t: TFunction, kind: Kind, field: JsonSchema, required: boolean): Rule[] {
  const rules: Rule[] = []
  // `whitespace` makes the validator check for a string: only text the person types gets it (a
  // date, a number or a choice would be refused as missing).
  const typed = kind === 'text' || kind === 'textarea' || kind === 'money'
  if (kind === 'confirm')
    rules.push({
      validator: (_, value?: boolean) =>
        value ? Promise.resolve() : Promise.reject(new Error(t('cases.form.mustConfirm'))),
    })
  if (kind === 'choices' && required)
    rules.push({ required: true, type: 'array', min: 1, message: t('errors.field.required') })
  if (field.type === 'string' && field.pattern)
    rules.push({ pattern: new RegExp(field.pattern), message: t('errors.field.pattern') })
  if (required && kind !== 'boolean' && kind !== 'confirm' && kind !== 'choices')
    rules.push(
      typed
        ? { required: true, whitespace: true, message: t('errors.field.required') }
        : { required: true, message: t('errors.field.required') },
    )
  if (field.type === 'string' && field.minLength && field.minLength > 1)
    rules.push({
      min: field.minLength,
      message: t('cases.form.minLength', { count: field.minLength }),
    })
  if (kind === 'money')
    rules.push({
      validator: (_, value?: string) =>
        !value || parseYuan(value) !== null
          ? Promise.resolve()
          : Promise.reject(new Error(t('cases.form.amountInvalid'))),
    })
  return rules
}

/** What some fields choose from: staff to dispatch, the customer's deposits, the case's photos. */
export type Context = {
  propertyId: string
  department: DepartmentCode | undefined
  customerId?: string | null
  attachments?: Attachment[]
  caseId?: string
  /** The case's type: a field may be named its own way there. */
  type?: CaseType
}

function AssigneeSelect({ context, ...props }: { context: Context; id?: string }) {
  const { t } = useTranslation()
  const staff = useAssignable(context.propertyId, context.department)
  return (
    <Select
      {...props}
      showSearch={{ optionFilterProp: 'label' }}
      loading={staff.isPending}
      options={(staff.data ?? []).map((s) => ({
        value: s.id,
        label: `${s.displayName} · ${roleLabel(t, s.roleCode)}`,
      }))}
    />
  )
}

export function control(
  t: TFunction,
  name: string,
  kind: Kind,
  field: JsonSchema,
  context: Context,
) {
  switch (kind) {
    case 'signature':
      return <SignaturePad />
    case 'assignee':
      return <AssigneeSelect context={context} />
    case 'department':
      return (
        <Select options={DEPARTMENTS.map((d) => ({ value: d, label: t(`department.${d}`) }))} />
      )
    case 'enum': {
      const options = (field.enum ?? []).map((v) => ({
        value: String(v),
        label: enumLabel(t, name, String(v)),
      }))
      // A short choice (a rating, a category) is one click; a longer one is a list.
      return options.length <= 3 ? (
        <Radio.Group optionType="button" buttonStyle="solid" options={options} />
      ) : (
        <Select options={options} />
      )
    }
    case 'deposit':
      return <DepositSelect customerId={context.customerId} />
    case 'photo':
      return <PhotoSelect caseId={context.caseId} attachments={context.attachments ?? []} />
    case 'date':
      // Days that record what happened lie behind; every other date of a step lies ahead.
      return PAST_DATES.has(name) ? (
        <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      ) : (
        <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
      )
    case 'datetime':
      // Deadlines, appointments and promised replies lie ahead.
      return (
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          disabledDate={(d) => d.isBefore(dayjs(), 'day')}
        />
      )
    case 'money':
      return <Input prefix="¥" inputMode="decimal" placeholder="0.00" style={{ maxWidth: 220 }} />
    case 'boolean':
      return <Switch />
    case 'confirm':
      return <Checkbox>{fieldLabel(t, name, context.type)}</Checkbox>
    case 'choices':
      return (
        <Checkbox.Group
          options={(field.items?.enum ?? []).map((v) => ({
            value: String(v),
            label: enumLabel(t, name, String(v)),
          }))}
        />
      )
    case 'number':
      return <InputNumber min={field.minimum} max={field.maximum} />
    case 'textarea':
      return <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={field.maxLength} />
    case 'list':
    case 'lines':
    case 'text':
      return <Input maxLength={field.maxLength} />
  }
}

type Props = { schema: JsonSchema; context: Context }

/** Every field of an action's input schema, as Form.Items of the enclosing form. */
export function SchemaFields({ schema, context }: Props) {
  const { t } = useTranslation()
  const required = new Set(schema.required ?? [])
  return orderedFields(schema).map(([name, field]) => {
    const kind = fieldKind(name, field)
    const label = kind === 'money' ? t('cases.form.amountYuan') : fieldLabel(t, name, context.type)
    if (kind === 'list')
      return <ListField key={name} name={name} field={field} label={label} context={context} />
    if (kind === 'lines')
      return (
        <LinesField
          key={name}
          name={name}
          label={label}
          min={field.minItems ?? (required.has(name) ? 1 : 0)}
          maxLength={field.items?.maxLength}
          minLength={field.items?.minLength}
        />
      )
    return (
      <Form.Item
        key={name}
        name={name}
        label={kind === 'confirm' ? undefined : label}
        valuePropName={kind === 'boolean' || kind === 'confirm' ? 'checked' : 'value'}
        rules={rulesFor(t, kind, field, required.has(name))}
      >
        {control(t, name, kind, field, context)}
      </Form.Item>
    )
  })
}
