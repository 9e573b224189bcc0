// H-FO-9: the workers' passes (施工人员出入证). Issued by security, one per rostered worker, with
// its validity; revoked one by one; suspended by a stop-work order and reinstated; collected at
// the end. Written by the case engine's effects (in its transaction); read here.
import { Type, type Static } from 'typebox'
import type { Db } from '../../../platform/db'
import { notFound } from '../../../platform/errors'
import type { Deps, RequestContext } from '../../../platform/http/context'
import { inPropertyScope } from '../../../platform/permissions'
import { localDate } from '../../../platform/clock/local-date'
import { maskIdNumber, maskPhone } from '../../customers'
import type { CaseRow } from '../../cases/cases.repository'
import { findCase } from '../../cases/cases.repository'
import { AppError } from '../../../platform/errors'
import * as repo from '../fit-out.repository'

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()])

export const Pass = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  number: Type.String(),
  workerName: Type.String(),
  /** Masked: security checks the card against the person. */
  idNumber: Type.String(),
  workerRole: Type.String(),
  phone: Type.String(),
  validFrom: Type.String(),
  validTo: Type.String(),
  status: Type.Enum(['active', 'suspended', 'revoked', 'collected']),
  statusReason: Nullable(Type.String()),
  issuedAt: Type.String(),
  /** Active and within its dates today: the holder may enter. */
  validToday: Type.Boolean(),
})
export type Pass = Static<typeof Pass>

export const GatePass = Type.Object({
  ...Pass.properties,
  ...{
    caseNumber: Type.String(),
    caseState: Type.String(),
    unitNumber: Nullable(Type.String()),
    propertyName: Type.String(),
    customerName: Nullable(Type.String()),
    contractor: Nullable(Type.String()),
    dailyHours: Nullable(Type.String()),
  },
})

function toPass(p: repo.PassRow, today: string): Pass {
  return {
    id: p.id,
    caseId: p.caseId,
    number: p.number,
    workerName: p.workerName,
    idNumber: maskIdNumber(p.idNumber) ?? '',
    workerRole: p.workerRole,
    phone: maskPhone(p.phone) ?? '',
    validFrom: p.validFrom,
    validTo: p.validTo,
    status: p.status,
    statusReason: p.statusReason,
    issuedAt: p.issuedAt.toISOString(),
    validToday: p.status === 'active' && p.validFrom <= today && today <= p.validTo,
  }
}

type Worker = { name: string; idNumber: string; role: string; phone: string }

/** One pass per rostered worker who has no live pass yet; returns how many were issued. */
export async function issuePasses(
  tx: Db,
  c: CaseRow,
  issuedBy: string,
  now: Date,
  validity: { validFrom: string; validTo: string },
) {
  const roster = (Array.isArray(c.data['roster']) ? c.data['roster'] : []) as Worker[]
  const today = localDate(now)
  const all = await repo.passesOfCase(tx, c.id)
  // A pass whose validity ended is replaced: the old card is taken back (collected) and the
  // worker, still on the roster, gets a new one with the new dates.
  const ended = all.filter((p) => p.status === 'active' && p.validTo < today)
  for (const p of ended)
    await repo.setPassStatus(tx, c.id, ['active'], 'collected', now, p.id, '到期换证')
  const existing = all.map((p) => (ended.includes(p) ? { ...p, status: 'collected' as const } : p))
  // A worker whose pass security revoked does not get a new one with the next batch: only a
  // pass that was collected (expired, or the worker left and comes back) is issued again.
  const live = new Set(existing.filter((p) => p.status !== 'collected').map((p) => p.idNumber))
  const rows = roster
    .filter((w) => !live.has(w.idNumber))
    .map((w, k) => ({
      orgId: c.orgId,
      propertyId: c.propertyId,
      caseId: c.id,
      number: `${c.number}-${String(existing.length + k + 1).padStart(2, '0')}`,
      workerName: w.name,
      idNumber: w.idNumber,
      workerRole: w.role,
      phone: w.phone,
      validFrom: validity.validFrom,
      validTo: validity.validTo,
      status: 'active' as const,
      issuedBy,
      issuedAt: now,
      updatedAt: now,
    }))
  if (rows.length === 0)
    throw new AppError('fit_out.no_workers_without_pass', 'Every rostered worker has a pass.')
  return (await repo.insertPasses(tx, rows)).length
}

export async function revokePass(tx: Db, c: CaseRow, passId: string, reason: string, now: Date) {
  const [revoked] = await repo.setPassStatus(
    tx,
    c.id,
    ['active', 'suspended'],
    'revoked',
    now,
    passId,
    reason,
  )
  if (!revoked) throw notFound('pass')
}

export const suspendPasses = (tx: Db, c: CaseRow, now: Date) =>
  repo.setPassStatus(tx, c.id, ['active'], 'suspended', now, undefined, '停工')
export const reinstatePasses = (tx: Db, c: CaseRow, now: Date) =>
  repo.setPassStatus(tx, c.id, ['suspended'], 'active', now, undefined, '')
export const collectPasses = (tx: Db, c: CaseRow, now: Date) =>
  repo.setPassStatus(tx, c.id, ['active', 'suspended'], 'collected', now)

/** The passes of a case the caller may see (404 otherwise). */
export async function casePasses({ db, clock }: Deps, ctx: RequestContext, caseId: string) {
  const c = await findCase(db, ctx.actor, caseId)
  if (!c || c.type !== 'fit_out') throw notFound('case')
  const today = localDate(clock.now())
  return (await repo.passesOfCase(db, c.id)).map((p) => toPass(p, today))
}

/** What the gate sees when security scans a pass card: staff of the pass's building only. */
export async function gatePass({ db, clock }: Deps, ctx: RequestContext, passId: string) {
  const row = await repo.passWithCase(db, ctx.actor.orgId, passId)
  if (!row || !inPropertyScope(ctx.actor, row.pass.propertyId)) throw notFound('pass')
  return {
    ...toPass(row.pass, localDate(clock.now())),
    caseNumber: row.caseNumber,
    caseState: row.caseState,
    unitNumber: row.unitNumber,
    propertyName: row.propertyName,
    customerName: row.customerName,
    contractor: row.contractor,
    dailyHours: row.dailyHours,
  }
}
