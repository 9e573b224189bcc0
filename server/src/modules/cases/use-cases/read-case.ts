// Reading cases: the queue (filters, keyset pages) and one case with its timeline, deadlines,
// attachments, sign-offs and the actions this caller may take now.
import { recordAudit } from '../../../platform/audit'
import type { Db } from '../../../platform/db'
import { notFound } from '../../../platform/errors'
import type { Deps, RequestContext } from '../../../platform/http/context'
import { decodeCursor, page } from '../../../platform/http/cursor'
import type { Actor } from '../../../platform/permissions'
import { maskIdNumber, maskPhone } from '../../customers'
import * as repo from '../cases.repository'
import type { CaseDetail, CaseListQuery, CaseSummary } from '../cases.schemas'
import { availableActions } from '../plan-action'
import { workflows } from '../workflows'
import { defaultPolicy } from '../../settings'
import { factsFor } from './facts'
import { localDate } from '../../../platform/clock/local-date'
import type { Clock } from '../../../platform/clock'
import { propertyInScope } from './assignable-staff'
import { viewOf } from './apply-action'

// A step's input may carry staff-only words (a note, who was assigned): customers see the rest.
const staffOnlyFields = new Set(['note', 'assigneeId', 'exception'])
const shownToCustomer = (data: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(data).filter(([k]) => !staffOnlyFields.has(k)))

/**
 * A case's own fields as a customer sees them: the staff-only words kept inside them (a patrol's
 * note, a reviewer's note, a head's note on the acceptance sheet) are left out at every depth.
 */
function customerData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(customerData)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !staffOnlyFields.has(k) && k !== 'reviewNote')
      .map(([k, v]) => [k, customerData(v)]),
  )
}

// Identity numbers in a case's own fields (a carrier's ID on a release slip) are masked like a
// customer's (H-IS-15): security checks the card in hand, not the number on a screen.
const maskedWorkers = (list: unknown[]) =>
  (list as Record<string, unknown>[]).map((w) => ({
    ...w,
    idNumber: maskIdNumber(String(w['idNumber'] ?? '')),
    phone: maskPhone(String(w['phone'] ?? '')),
  }))
const maskedData = (data: Record<string, unknown>) => {
  const masked = { ...data }
  if (typeof data['carrierIdNumber'] === 'string')
    masked['carrierIdNumber'] = maskIdNumber(data['carrierIdNumber'])
  // A fit-out's roster of workers (H-FO-8): ID numbers and phones masked like a customer's — in
  // the case's fields and in the timeline, where the roster step kept its input (`workers`).
  if (Array.isArray(data['roster'])) masked['roster'] = maskedWorkers(data['roster'])
  if (Array.isArray(data['workers'])) masked['workers'] = maskedWorkers(data['workers'])
  return masked
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())

function toSummary(
  c: repo.CaseSummaryRow,
  names: {
    unitNumber: string | null
    customerName: string | null
    assigneeName: string | null
    propertyName: string
  },
  dueAt: string | Date | null,
): CaseSummary {
  return {
    id: c.id,
    number: c.number,
    type: c.type,
    state: c.state,
    priority: c.priority,
    channel: c.channel,
    title: c.title,
    propertyId: c.propertyId,
    propertyName: names.propertyName,
    unitId: c.unitId,
    unitNumber: names.unitNumber,
    customerId: c.customerId,
    customerName: names.customerName,
    department: c.department,
    assigneeId: c.assigneeId,
    assigneeName: names.assigneeName,
    overdue: c.overdue,
    escalationLevel: c.escalationLevel,
    paused: c.pausedAt !== null,
    dueAt: iso(dueAt),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    closedAt: iso(c.closedAt),
    version: c.version,
  }
}

export async function listCases({ db }: Deps, ctx: RequestContext, q: CaseListQuery) {
  if (q.propertyId) await propertyInScope(db, ctx, q.propertyId)
  const limit = q.limit ?? 50
  const cursor = decodeCursor(q.cursor, ['iso', 'uuid'])
  const rows = await repo.listCases(db, ctx.actor, {
    ...(q.type ? { type: q.type } : {}),
    ...(q.state ? { state: q.state } : {}),
    ...(q.priority ? { priority: q.priority } : {}),
    ...(q.propertyId ? { propertyId: q.propertyId } : {}),
    ...(q.department ? { department: q.department } : {}),
    ...(q.assignee ? { assignee: q.assignee === 'me' ? ctx.actor.userId : q.assignee } : {}),
    ...(q.overdue !== undefined ? { overdue: q.overdue } : {}),
    ...(q.customerId ? { customerId: q.customerId } : {}),
    ...(q.unitId ? { unitId: q.unitId } : {}),
    ...(q.parentId ? { parentId: q.parentId } : {}),
    ...(q.q ? { q: q.q } : {}),
    open: q.status === 'open' || q.overdue === true,
    followUp: q.status === 'follow_up',
    limit,
    ...(cursor ? { after: { createdAt: String(cursor[0]), id: String(cursor[1]) } } : {}),
  })
  const { items, nextCursor } = page(rows, limit, (r) => [
    r.case.createdAt.toISOString(),
    r.case.id,
  ])
  return { items: items.map((r) => toSummary(r.case, r, r.dueAt)), nextCursor }
}

/** The actions the caller may take now, with their input as JSON Schema (without `version`). */
async function actionsFor(
  db: Db,
  clock: Clock,
  actor: Actor,
  c: repo.CaseRow,
  followUpPercent: number,
) {
  const ctx = { actor, requestId: 'read', ip: '' }
  const facts = await factsFor(db, clock, ctx, workflows[c.type], c)
  const view = viewOf(c, actor, followUpPercent, { today: localDate(clock.now()), facts })
  return availableActions(workflows[c.type], view, actor.permissions).map((a) => ({
    ...a,
    input: JSON.parse(JSON.stringify(a.input)) as Record<string, unknown>,
  }))
}

export async function caseDetail(
  db: Db,
  clock: Clock,
  actor: Actor,
  id: string,
): Promise<CaseDetail> {
  const customerView = actor.kind === 'customer'
  const found = await repo.findCaseWithNames(db, actor, id, customerView)
  if (!found) throw notFound('case')
  const {
    case: c,
    deadlines,
    timeline,
    attachments,
    signOffs,
    children,
    parent,
    followUpPercent,
    ...names
  } = found
  // A closed case offers no action: its facts are not looked up.
  const closed = workflows[c.type].final.includes(c.state)
  const actions = closed
    ? []
    : await actionsFor(
        db,
        clock,
        actor,
        c,
        followUpPercent ?? defaultPolicy(c.type, c.priority).followUpPercent,
      )
  const running = deadlines.filter((d) => d.status === 'running').map((d) => d.dueAt)
  const nearest = running.length ? new Date(Math.min(...running.map((d) => d.getTime()))) : null
  return {
    ...toSummary(c, names, nearest),
    description: c.description,
    contactName: c.contactName,
    contactPhone: maskPhone(c.contactPhone),
    data: maskedData(customerView ? (customerData(c.data) as Record<string, unknown>) : c.data),
    states: [...workflows[c.type].states],
    parent: parent ?? null,
    children,
    deadlines: deadlines.map((d) => ({
      id: d.id,
      name: d.name,
      startedAt: d.startedAt.toISOString(),
      dueAt: d.dueAt.toISOString(),
      status: d.status,
      metAt: iso(d.metAt),
      overdueAt: iso(d.overdueAt),
      late: d.metAt ? d.metAt > d.dueAt : d.overdueAt !== null,
    })),
    timeline: timeline.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      actorId: e.actorId,
      actorName: e.actorName,
      kind: e.kind,
      action: e.action,
      fromState: e.fromState,
      toState: e.toState,
      reason: e.reason,
      visibility: e.visibility,
      data: maskedData(customerView ? shownToCustomer(e.data) : e.data),
    })),
    attachments: attachments.map((a) => ({
      id: a.id,
      kind: a.kind,
      fileName: a.fileName,
      contentType: a.contentType,
      size: a.size,
      visibleToCustomer: a.visibleToCustomer,
      uploadedAt: a.uploadedAt.toISOString(),
    })),
    signOffs: signOffs.map((s) => ({
      id: s.id,
      action: s.action,
      signerName: s.signerName,
      signerRole: s.signerRole,
      signatureId: s.signatureId,
      signedAt: s.signedAt.toISOString(),
    })),
    availableActions: actions,
    canComment: actor.permissions.has('case.comment'),
  }
}

export function getCase(deps: Deps, ctx: RequestContext, id: string) {
  return caseDetail(deps.db, deps.clock, ctx.actor, id)
}

/** The contact's phone in clear, for those allowed to see customer data; the reveal is audited. */
export async function revealContact({ db, clock }: Deps, ctx: RequestContext, id: string) {
  const c = await repo.findCase(db, ctx.actor, id)
  if (!c) throw notFound('case')
  await recordAudit(db, clock, ctx, {
    action: 'case.reveal_contact',
    entityType: 'case',
    entityId: c.id,
    diff: { number: c.number },
  })
  return { contactPhone: c.contactPhone }
}

/** A printed complaint record or repair order carries customer data: the print is audited. */
export async function recordPrint(
  { db, clock }: Deps,
  ctx: RequestContext,
  id: string,
  document = 'record',
) {
  const c = await repo.findCase(db, ctx.actor, id)
  if (!c) throw notFound('case')
  await recordAudit(db, clock, ctx, {
    action: 'case.print',
    entityType: 'case',
    entityId: c.id,
    diff: { number: c.number, document },
  })
}
