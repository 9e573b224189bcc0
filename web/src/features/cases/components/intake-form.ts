// The intake form's values and the request body they make: one function per concern, no React.
import type { Dayjs } from 'dayjs'
import {
  CASE_CHANNELS,
  type CaseChannel,
  type CasePriority,
  type CaseType,
  type CreateCaseInput,
  type DepartmentCode,
} from '../api'

export type IntakeValues = {
  customerId?: string
  unitId?: string
  contactName?: string
  contactPhone?: string
  channel: CaseChannel
  priority: CasePriority
  title?: string
  description?: string
  category?: string
  subject?: string
  fault?: string
  preferredTime?: string
  kind?: string
  location?: string
  answeredNow?: boolean
  answer?: string
  department?: DepartmentCode
  dueAt?: Dayjs
  // moves and release slips
  moveInDate?: Dayjs
  role?: 'owner' | 'tenant'
  moveOutDate?: Dayjs
  reason?: string
  carrierName?: string
  carrierIdNumber?: string
  vehicle?: string
  items?: { name?: string; quantity?: number }[]
  validOn?: Dayjs
  /** A fit-out's application, named as the server names it so refusals land on their field. */
  data?: FitOutValues
}

/** 装修申请表 (H-FO-1) as the form holds it. */
export type FitOutValues = {
  contractor?: { name?: string; licenceNumber?: string; siteLead?: string; siteLeadPhone?: string }
  scope?: string[]
  scopeDetails?: string
  startDate?: Dayjs
  endDate?: Dayjs
  workerCount?: number
}

// Customers open these from their own account; the desk opens every type.
export const CUSTOMER_TYPES: CaseType[] = ['complaint', 'repair', 'inquiry', 'move_out', 'fit_out']
/** Types of a customer and a unit: the desk must pick both (the server requires them too). */
export const PARTY_TYPES: ReadonlySet<CaseType> = new Set([
  'move_in',
  'move_out',
  'release',
  'fit_out',
])
/** Types whose title the form can make itself ("客户迁出 · 1205 · 2026-12-01"). */
export const AUTO_TITLE_TYPES = PARTY_TYPES
// The choices the desk offers (incidents are urgent by default on the server).
export const PRIORITIES: Partial<Record<CaseType, CasePriority[]>> = {
  complaint: ['normal', 'urgent'],
  repair: ['normal', 'urgent', 'emergency'],
}
export const STAFF_CHANNELS = CASE_CHANNELS.filter((c) => c !== 'portal')

const text = (value: string | undefined) => value?.trim() || undefined
const day = (value: Dayjs | undefined) => value?.format('YYYY-MM-DD')
const compactData = (data: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined))

/** The type's own fields of the request body. */
function dataOf(
  type: CaseType,
  v: IntakeValues,
  issuer: DepartmentCode | null,
): Record<string, unknown> {
  switch (type) {
    case 'complaint':
      return compactData({ category: v.category, subject: text(v.subject) })
    case 'repair':
      return compactData({ fault: v.fault, preferredTime: text(v.preferredTime) })
    case 'incident':
      return compactData({ kind: v.kind, location: text(v.location) })
    case 'inquiry':
      return v.answeredNow ? { answer: text(v.answer) } : {}
    case 'liaison':
      return issuer ? { issuerDepartment: issuer } : {}
    case 'move_in':
      return compactData({ moveInDate: day(v.moveInDate), role: v.role })
    case 'move_out':
      return compactData({ moveOutDate: day(v.moveOutDate), reason: text(v.reason) })
    case 'release':
      return compactData({
        carrierName: text(v.carrierName),
        carrierIdNumber: text(v.carrierIdNumber),
        vehicle: text(v.vehicle),
        items: (v.items ?? []).map((i) => ({ name: i.name?.trim(), quantity: i.quantity })),
        validOn: day(v.validOn),
      })
    case 'fit_out':
      return fitOutData(v.data ?? {})
    default:
      return {}
  }
}

/** The day a move or a slip is about, for a title the form makes itself. */
export function dayOf(type: CaseType, v: IntakeValues): string | undefined {
  if (type === 'fit_out') return day(v.data?.startDate)
  const date = type === 'move_in' ? v.moveInDate : type === 'move_out' ? v.moveOutDate : v.validOn
  return day(date)
}

function fitOutData(v: FitOutValues): Record<string, unknown> {
  const c = v.contractor ?? {}
  return compactData({
    contractor: {
      name: text(c.name),
      licenceNumber: text(c.licenceNumber),
      siteLead: text(c.siteLead),
      siteLeadPhone: text(c.siteLeadPhone),
    },
    scope: v.scope ?? [],
    scopeDetails: text(v.scopeDetails),
    startDate: day(v.startDate),
    endDate: day(v.endDate),
    workerCount: v.workerCount,
  })
}

/**
 * The field a refusal without a `field` is about (a fit-out's dates are checked together on the
 * server: the error names the rule, not the field).
 */
export function refusalField(code: string): (string | number)[] | null {
  if (code === 'fit_out.dates_order') return ['data', 'endDate']
  if (code === 'fit_out.start_past') return ['data', 'startDate']
  return null
}

/**
 * POST /cases from the form: blanks left out; a customer's channel and self are the server's.
 * `defaultTitle` stands in for a blank title where the type allows one (AUTO_TITLE_TYPES).
 */
export function createBody(
  type: CaseType,
  propertyId: string,
  v: IntakeValues,
  caller: { isCustomer: boolean; issuer: DepartmentCode | null },
  defaultTitle = '',
): CreateCaseInput {
  return {
    type,
    propertyId,
    title: (v.title?.trim() || defaultTitle).slice(0, 200),
    ...(v.unitId ? { unitId: v.unitId } : {}),
    ...(!caller.isCustomer && v.customerId ? { customerId: v.customerId } : {}),
    ...(text(v.contactName) ? { contactName: text(v.contactName) } : {}),
    ...(text(v.contactPhone) ? { contactPhone: text(v.contactPhone) } : {}),
    ...(caller.isCustomer ? {} : { channel: v.channel }),
    ...(PRIORITIES[type] ? { priority: v.priority } : {}),
    ...(text(v.description) ? { description: text(v.description) } : {}),
    ...(type === 'liaison' && v.department ? { department: v.department } : {}),
    ...(type === 'liaison' && v.dueAt ? { dueAt: v.dueAt.toISOString() } : {}),
    data: dataOf(type, v, caller.issuer),
  }
}
