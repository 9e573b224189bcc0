// A fit-out's `data` as the server's workflow writes it (fit-out.workflow.ts). The OpenAPI document
// types `data` as an open object, so this is the one place the console says what it reads there.
import type { CaseDetail } from '../../api'

export type Contractor = {
  name: string
  licenceNumber: string
  siteLead: string
  siteLeadPhone: string
}

export type DrawingRound = {
  n: number
  attachmentIds: string[]
  note?: string
  submittedOn: string
  decision?: 'approved' | 'rejected'
  changes?: string[]
  reviewNote?: string
  reviewedOn?: string
  reviewedBy?: string
}

/** A rostered worker: ID number and phone come masked in every answer. */
export type RosterWorker = { name: string; idNumber: string; role: string; phone: string }

export type Finding = {
  description: string
  location: string
  severity: 'minor' | 'violation' | 'serious'
  department: string
  photoId?: string
}

export type Patrol = {
  n: number
  at: string
  by: string
  department: string | null
  area?: string
  findings: Finding[]
  explainedTo?: string
  note?: string
}

export type Rectification = {
  n: number
  items: string[]
  dueOn: string
  issuedOn: string
  status: 'open' | 'done'
  doneOn?: string
}

export type InspectionResult = {
  result: 'pass' | 'fail'
  rectifications: string[]
  by: string
  on: string
  note?: string
}

export type AcceptanceRound = {
  n: number
  departments: string[]
  inspectOn: string
  results: Record<string, InspectionResult>
}

export type FitOutDamage = {
  n: number
  round: number
  department: string
  item: string
  location: string
  /** fen */
  cost: number
  resolution: 'customer_repairs' | 'deposit'
  photoId?: string
  deducted?: boolean
}

export type FitOutData = {
  contractor?: Contractor
  scope?: string[]
  scopeDetails?: string
  startDate?: string
  endDate?: string
  workerCount?: number
  rounds?: DrawingRound[]
  schedule?: { startDate: string; endDate: string; dailyHours: string }
  roster?: RosterWorker[]
  rulesExplainedOn?: string
  permitIssuedOn?: string
  patrols?: Patrol[]
  rectifications?: Rectification[]
  stoppedOn?: string | null
  stopReason?: string | null
  completedOn?: string
  acceptance?: AcceptanceRound[]
  damages?: FitOutDamage[]
  reinspectedOn?: string
  refundDueOn?: string
  refundDue?: boolean
  refundedOn?: string
  passesCollected?: boolean
  passesCollectedOn?: string
}

/** The keys of a fit-out's data its panel shows (the facts card leaves them out). */
export const FIT_OUT_SHOWN: readonly string[] = [
  'contractor',
  'scope',
  'scopeDetails',
  'startDate',
  'endDate',
  'workerCount',
  'rounds',
  'schedule',
  'roster',
  'rulesExplainedOn',
  'permitIssuedOn',
  'patrols',
  'rectifications',
  'stoppedOn',
  'stopReason',
  'completedOn',
  'acceptance',
  'damages',
  'reinspectedOn',
  'refundDueOn',
  'refundDue',
  'refundedOn',
  'passesCollected',
  'passesCollectedOn',
]

export const fitOutData = (detail: CaseDetail) => detail.data as FitOutData

/** The case's own files a step may name (drawings, photos): not the drawn signatures. */
export const caseFiles = (detail: CaseDetail) =>
  detail.attachments.filter((a) => a.kind !== 'signature')
