// What the fit-out pages read from a case's `data` (the server's FitOutData plus what its steps
// add) and how a pass stands at the gate. The server owns both; these only read them safely.
import type { Pass } from './api'

export type Contractor = {
  name?: string
  licenceNumber?: string
  siteLead?: string
  siteLeadPhone?: string
}

export type FitOutView = {
  contractor: Contractor
  scope: string[]
  scopeDetails: string | null
  startDate: string | null
  endDate: string | null
  dailyHours: string | null
  permitIssuedOn: string | null
}

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null)
const record = (v: unknown) =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {}

/** The application form, with the works dates of the submitted schedule when there is one. */
export function fitOutView(data: Record<string, unknown>): FitOutView {
  const contractor = record(data.contractor)
  const schedule = record(data.schedule)
  return {
    contractor: {
      name: text(contractor.name) ?? undefined,
      licenceNumber: text(contractor.licenceNumber) ?? undefined,
      siteLead: text(contractor.siteLead) ?? undefined,
      siteLeadPhone: text(contractor.siteLeadPhone) ?? undefined,
    },
    scope: Array.isArray(data.scope) ? data.scope.filter((s) => typeof s === 'string') : [],
    scopeDetails: text(data.scopeDetails),
    startDate: text(schedule.startDate) ?? text(data.startDate),
    endDate: text(schedule.endDate) ?? text(data.endDate),
    dailyHours: text(schedule.dailyHours),
    permitIssuedOn: text(data.permitIssuedOn),
  }
}

export type PassStanding = 'valid' | 'out_of_dates' | 'suspended' | 'revoked' | 'collected'

/** 有效 only when active and within its dates today (the server's validToday); else why not. */
export function passStanding(pass: Pick<Pass, 'status' | 'validToday'>): PassStanding {
  if (pass.status === 'active') return pass.validToday ? 'valid' : 'out_of_dates'
  return pass.status
}
