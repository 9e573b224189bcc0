// Opening a case: registered at the desk, submitted in the portal, or raised by another case.
// Number, first timeline event, audit, the type's opening effects and the outbox: one transaction.
import { Value } from 'typebox/value'
import type { Clock } from '../../../platform/clock'
import { localDate } from '../../../platform/clock/local-date'
import type { Db } from '../../../platform/db'
import {
  AppError,
  forbidden,
  invalidField,
  notFound,
  type ErrorCode,
} from '../../../platform/errors'
import type { Deps, RequestContext } from '../../../platform/http/context'
import { kickOutbox } from '../../../platform/outbox'
import { inPropertyScope } from '../../../platform/permissions'
import { findUnit } from '../../org'
import { calendarOf, deadlinePolicyOf } from '../../settings'
import * as repo from '../cases.repository'
import type { CreateCaseBody } from '../cases.schemas'
import type { Effect } from '../workflow'
import { customerTypes, numberPrefix, workflows } from '../workflows'
import { caseCreatedIn } from './deadlines'
import { auditAndAnnounce, runEffects } from './effects'
import { viewOf } from './apply-action'

type NewCase = CreateCaseBody & { parentId?: string }

async function nextCaseNumber(
  tx: Db,
  c: { orgId: string; propertyId: string; type: repo.CaseRow['type'] },
  now: Date,
) {
  const day = localDate(now).replaceAll('-', '')
  const seq = await repo.nextNumber(tx, c.orgId, `case:${c.type}:${c.propertyId}:${day}`)
  return `${numberPrefix[c.type]}-${day}-${String(seq).padStart(4, '0')}`
}

/**
 * Checks what the body names against the caller's scope: building, unit, customer. Gives the
 * unit's kind (null without a unit).
 */
async function checkReferences(tx: Db, ctx: RequestContext, body: NewCase, today: string) {
  if (!inPropertyScope(ctx.actor, body.propertyId)) throw notFound('property')
  const found = await repo.referencesOf(tx, ctx.actor, {
    propertyId: body.propertyId,
    unitId: body.unitId ?? null,
    customerId: body.customerId ?? null,
  })
  if (!found || found.propertyOrg !== ctx.actor.orgId) throw notFound('property')
  if (body.unitId) {
    if (found.unitOrg !== ctx.actor.orgId) throw notFound('unit')
    // A customer names only a unit of their own: another customer's is not found (H-IS-15).
    if (ctx.actor.kind === 'customer' && !(await findUnit(tx, ctx.actor, today, body.unitId)))
      throw notFound('unit')
    if (found.unitProperty !== body.propertyId)
      throw new AppError('cases.unit_elsewhere', 'This unit is in another building.', {
        field: 'unitId',
      })
  }
  if (body.customerId) {
    if (!found.customerProperty) throw notFound('customer')
    if (found.customerProperty !== body.propertyId)
      throw new AppError('cases.customer_elsewhere', "This customer is another building's.", {
        field: 'customerId',
      })
  }
  return found.unitKind
}

export async function createCaseIn(tx: Db, clock: Clock, ctx: RequestContext, given: NewCase) {
  // A customer does not route a case or set its deadline: the workflow does.
  const body: NewCase =
    ctx.actor.kind === 'customer' ? { ...given, department: undefined, dueAt: undefined } : given
  if (body.type === 'liaison' && body.customerId)
    throw invalidField('customerId', 'a liaison slip is internal and names no customer')
  const workflow = workflows[body.type]
  const data = (body.data ?? {}) as Record<string, unknown>
  const dataError = Value.Errors(workflow.create.data, data)[0]
  if (dataError) {
    // A missing field is reported at its own name (H-FO-1: the form marks the field to fill in).
    const missing = (dataError.params as { requiredProperties?: string[] }).requiredProperties
    const path = `${dataError.instancePath}${missing?.[0] ? `/${missing[0]}` : ''}`
    throw invalidField(`data${path.replace(/\//g, '.')}`, dataError.message)
  }
  const named = {
    unitId: body.unitId,
    customerId: ctx.actor.kind === 'customer' ? ctx.actor.customerId : body.customerId,
  }
  for (const field of workflow.create.requires ?? [])
    if (!named[field]) throw invalidField(field, 'is required for this type of case', 'required')
  if (body.type === 'liaison' && !body.department)
    throw invalidField('department', 'a liaison slip needs the receiving department', 'required')
  const now = clock.now()
  const unitKind = await checkReferences(tx, ctx, body, localDate(now))
  const { unitKinds, check } = workflow.create
  if (unitKinds && unitKind) {
    if (!unitKinds.includes(unitKind))
      throw new AppError('cases.unit_kind', 'This kind of unit cannot have this kind of case.', {
        field: 'unitId',
      })
  }
  const refusal = check?.(data, localDate(now))
  if (refusal) throw new AppError(refusal as ErrorCode, refusal)
  const defaults = workflow.create.defaults?.(data) ?? {}
  const state = workflow.create.startIn?.(data) ?? workflow.initial
  const ends = workflow.final.includes(state)
  const byCustomer = ctx.actor.kind === 'customer'
  const priority = body.priority ?? defaults.priority ?? 'normal'
  // Read what the opening steps need before the number is taken: the number's row stays locked
  // until commit, and every case of this building, type and day waits for it. Both reads are
  // kept for the rest of the transaction (onceInTransaction).
  const policy = await deadlinePolicyOf(tx, ctx.actor.orgId, body.type, priority)
  if (policy.workingTime) await calendarOf(tx, body.propertyId)
  const created = await repo.insertCase(tx, {
    orgId: ctx.actor.orgId,
    propertyId: body.propertyId,
    type: body.type,
    number: await nextCaseNumber(
      tx,
      { orgId: ctx.actor.orgId, propertyId: body.propertyId, type: body.type },
      now,
    ),
    state,
    priority,
    channel: byCustomer ? 'portal' : (body.channel ?? 'phone'),
    title: body.title.trim(),
    description: body.description ?? '',
    unitId: body.unitId ?? null,
    customerId: byCustomer ? ctx.actor.customerId : (body.customerId ?? null),
    contactName: body.contactName ?? null,
    contactPhone: body.contactPhone ?? null,
    department:
      body.department ??
      (defaults.department as repo.CaseRow['department'] | undefined) ??
      (body.type === 'complaint' || body.type === 'inquiry' ? 'customer_service' : null),
    parentId: body.parentId ?? null,
    data: { ...data, ...defaults.data },
    createdBy: ctx.actor.userId,
    createdAt: now,
    updatedAt: now,
    closedAt: ends ? now : null,
  })
  caseCreatedIn(tx, created.id)
  await repo.insertEvent(tx, {
    orgId: created.orgId,
    caseId: created.id,
    at: now,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    kind: 'created',
    toState: state,
    visibility: 'customer',
    data: {
      channel: created.channel,
      priority: created.priority,
      ...(body.parentId ? { parentId: body.parentId } : {}),
    },
  })
  const effects: Effect[] =
    workflow.create.effects?.(viewOf(created, ctx.actor, policy.followUpPercent)) ?? []
  // A liaison slip's issuer names its deadline; other types take theirs from the policy.
  const withDue = body.dueAt
    ? effects.map((e) =>
        e.kind === 'start_deadline' && e.name === 'resolve' ? { ...e, dueAt: body.dueAt } : e,
      )
    : effects
  const current = await runEffects(
    {
      tx,
      clock,
      cause: { ctx },
      raise: (parent, effect) => raiseCase(tx, clock, ctx, parent, effect),
    },
    created,
    withDue,
  )
  await auditAndAnnounce(
    tx,
    clock,
    ctx,
    {
      action: 'case.create',
      entityType: 'case',
      entityId: created.id,
      diff: {
        number: created.number,
        type: created.type,
        priority: created.priority,
        parentId: body.parentId ?? null,
      },
    },
    { c: current, now, change: 'created' },
  )
  return current
}

/** A case raised by another (a liaison slip from a complaint, a repair from an incident). */
export async function raiseCase(
  tx: Db,
  clock: Clock,
  ctx: RequestContext,
  parent: repo.CaseRow,
  effect: Extract<Effect, { kind: 'raise_case' }>,
) {
  return createCaseIn(tx, clock, ctx, {
    type: effect.type,
    propertyId: parent.propertyId,
    ...(parent.unitId ? { unitId: parent.unitId } : {}),
    // A repair is the customer's; a liaison slip is internal and not shown to them.
    ...(effect.type === 'repair' && parent.customerId ? { customerId: parent.customerId } : {}),
    channel: 'internal',
    priority: effect.priority ?? (parent.priority === 'normal' ? 'normal' : 'urgent'),
    title: effect.title,
    description: effect.description,
    ...(effect.department
      ? { department: effect.department as NonNullable<CreateCaseBody['department']> }
      : {}),
    ...(effect.dueAt ? { dueAt: effect.dueAt } : {}),
    ...(effect.type === 'liaison' && parent.department
      ? { data: { issuerDepartment: parent.department } }
      : {}),
    ...(effect.data ? { data: effect.data } : {}),
    // A release slip is the customer's and security's.
    ...(effect.type === 'release' && parent.customerId ? { customerId: parent.customerId } : {}),
    parentId: parent.id,
  })
}

export async function openCase(deps: Deps, ctx: RequestContext, body: CreateCaseBody) {
  if (ctx.actor.kind === 'customer' && !customerTypes.includes(body.type))
    throw forbidden('case.create')
  const created = await deps.db.transaction((tx) => createCaseIn(tx, deps.clock, ctx, body))
  kickOutbox()
  return created
}
