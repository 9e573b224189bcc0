// How a case's codes read in the user's language. The server owns the codes (states, actions,
// enum values); the UI only names them, from the i18n files.
import dayjs from 'dayjs'
import relativeTime from 'dayjs/plugin/relativeTime'
import type { TFunction } from 'i18next'
import { formatDateTime } from '../../ui/format'
import { formatFen } from '../../ui/money'
import { roleName } from '../../ui/roleName'
import type { CaseType } from './api'

dayjs.extend(relativeTime)

export const stateLabel = (t: TFunction, type: CaseType, state: string) =>
  t(`cases.state.${type}.${state}`, { defaultValue: state })

/**
 * An action's name. Most read the same in every type; a type may name one its own way
 * (`cases.typeAction.fit_out.inspect` 验收签字 where a move-out's is 迁出验收).
 */
export const actionLabel = (t: TFunction, action: string, type?: CaseType) =>
  t(`cases.typeAction.${type ?? '-'}.${action}`, {
    defaultValue: t(`cases.action.${action}`, { defaultValue: action }),
  })

/** A field's name, likewise with a type's own wording first (a fit-out's `items` are 整改项). */
export const fieldLabel = (t: TFunction, field: string, type?: CaseType) =>
  t(`cases.typeField.${type ?? '-'}.${field}`, {
    defaultValue: t(`cases.field.${field}`, { defaultValue: field }),
  })

export const roleLabel = (t: TFunction, code: string) => roleName(t, { code, name: code })

/** The label of one enum value of an action's input or of a case's data. */
export function enumLabel(t: TFunction, field: string, value: string): string {
  if (field === 'department' || field === 'issuerDepartment')
    return t(`department.${value}`, { defaultValue: value })
  if (field === 'priority') return t(`cases.priority.${value}`, { defaultValue: value })
  if (field === 'channel') return t(`cases.channel.${value}`, { defaultValue: value })
  return t(`cases.enum.${field}.${value}`, { defaultValue: value })
}

/** The labelled states of a type, as the i18n file lists them (for the queue's state filter). */
export function statesOf(t: TFunction, type: CaseType): { value: string; label: string }[] {
  const states = t(`cases.state.${type}`, { returnObjects: true }) as unknown
  if (typeof states !== 'object' || states === null) return []
  return Object.entries(states as Record<string, string>).map(([value, label]) => ({
    value,
    label,
  }))
}

/** "3 小时后" / "2 天前", in the current language. */
export const fromNow = (iso: string) => dayjs(iso).fromNow()

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/
const ENUM_FIELDS = new Set([
  'department',
  'issuerDepartment',
  'priority',
  'channel',
  'method',
  'rating',
  'category',
  'fault',
  'kind',
  'type',
  'role',
  'resolution',
  'severity',
  'decision',
  'status',
])

/** A carrier's ID number as screens show it: the first three and the last two (H-IS-15). */
export function maskIdNumber(id: string): string {
  return id.length <= 5
    ? '*'.repeat(id.length)
    : `${id.slice(0, 3)}${'*'.repeat(id.length - 5)}${id.slice(-2)}`
}

/**
 * One line of a list in a case's data: goods (name × qty), a damage line (where, what, cost), a
 * patrol's finding (where, what, how serious) or a worker (name and trade: never the ID number).
 */
function itemText(t: TFunction, item: Record<string, unknown>, timeZone: string): string {
  if (typeof item.item === 'string') {
    const how =
      typeof item.resolution === 'string' ? enumLabel(t, 'resolution', item.resolution) : ''
    const cost = typeof item.cost === 'number' ? formatFen(item.cost) : ''
    return `${String(item.location ?? '')} ${item.item}：${cost}（${how}）`
  }
  if (typeof item.description === 'string') {
    const severity =
      typeof item.severity === 'string' ? enumLabel(t, 'severity', item.severity) : ''
    return `${String(item.location ?? '')} ${item.description}（${severity}）`
  }
  if (typeof item.idNumber === 'string')
    return `${String(item.name ?? '')}（${String(item.role ?? '')}）`
  if ('quantity' in item)
    return `${String(item.name ?? '')} × ${String(item.quantity ?? '')}${item.unit ? ` ${String(item.unit)}` : ''}`
  // Anything else (a fit-out's drawing round, a patrol): its fields, ids left out.
  return `（${shownEntries(item)
    .map(([k, v]) => `${fieldLabel(t, k)}：${dataText(t, k, v, timeZone)}`)
    .join('，')}）`
}

/** An ID number shown as the server masks it: one that came in clear is masked here too. */
const maskedId = (id: string) => (id.includes('*') ? id : maskIdNumber(id))

/**
 * One value of a case's data or of an action's recorded input, as text: enum values by their
 * label, times in the building's zone, money in yuan, yes/no, materials as "name × qty unit".
 */
export function dataText(t: TFunction, field: string, value: unknown, timeZone: string): string {
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'boolean') return t(value ? 'cases.yes' : 'cases.no')
  if (typeof value === 'number')
    return field === 'amount' || field === 'cost' ? formatFen(value) : String(value)
  if (typeof value === 'string') {
    if (field === 'carrierIdNumber' || field === 'idNumber') return maskedId(value)
    if (field === 'type') return t(`cases.type.${value}`, { defaultValue: value })
    if (ENUM_FIELDS.has(field)) return enumLabel(t, field, value)
    // An inspection's pass/fail; elsewhere `result` is what a technician wrote.
    if (field === 'result' && (value === 'pass' || value === 'fail'))
      return enumLabel(t, 'result', value)
    if (ISO_TIME.test(value)) return formatDateTime(value, timeZone).slice(0, 16)
    return value
  }
  if (Array.isArray(value) && field === 'departments')
    return value.map((d) => t(`department.${String(d)}`, { defaultValue: String(d) })).join('、')
  if (Array.isArray(value) && field === 'scope')
    return value.map((s) => enumLabel(t, 'scope', String(s))).join('、')
  if (Array.isArray(value))
    return value
      .map((item) =>
        typeof item === 'object' && item !== null
          ? itemText(t, item as Record<string, unknown>, timeZone)
          : String(item),
      )
      .join('；')
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => `${fieldLabel(t, k)}：${dataText(t, k, v, timeZone)}`)
      .join('；')
  return '—'
}

// Recorded input that says nothing to a reader (ids) or is shown elsewhere (the reason).
const HIDDEN_DATA = new Set([
  'exception',
  'reason',
  'assigneeId',
  'childId',
  'attachmentId',
  'parentId',
  'text',
  'level',
  'deadline',
  'reminder',
  // a fit-out's files and passes by id: its panel shows them by name
  'attachmentIds',
  'passId',
])

/** The entries of a data object worth showing, in their order. */
export const shownEntries = (data: Record<string, unknown>) =>
  Object.entries(data).filter(
    ([k, v]) => !HIDDEN_DATA.has(k) && v !== null && v !== undefined && v !== '',
  )
