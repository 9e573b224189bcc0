// The engine's one write function (ARCHITECTURE "The case engine"): load the case FOR UPDATE in the
// caller's scope, check the permission and the version, plan the action (state, input, reason,
// guard), then write state + timeline + audit + effects + outbox in one transaction.
import { createHash } from 'node:crypto'
import type { Db } from '../../../platform/db'
import {
  AppError,
  errorStatus,
  forbidden,
  notFound,
  type ErrorCode,
} from '../../../platform/errors'
import type { Deps, RequestContext } from '../../../platform/http/context'
import { kickOutbox } from '../../../platform/outbox'
import type { Actor } from '../../../platform/permissions'
import * as repo from '../cases.repository'
import { planAction, type Refusal } from '../plan-action'
import type { CaseView } from '../workflow'
import { workflows } from '../workflows'
import { policyOf } from './deadlines'
import { factsFor } from './facts'
import { localDate } from '../../../platform/clock/local-date'
import { auditAndAnnounce, cancelDeadlines, runEffects } from './effects'
import { raiseCase } from './open-case'
import { recordSignOff } from './sign-off'

/** A fixed 0–99 per case: repairs are sampled for follow-up by it, the same way every time. */
export const sampleOf = (caseId: string) =>
  createHash('sha256').update(caseId).digest().readUInt16BE(0) % 100

export function viewOf(
  c: repo.CaseRow,
  actor: Actor | null,
  followUpPercent: number,
  more: Pick<CaseView, 'today' | 'now' | 'facts'> = {},
): CaseView {
  return {
    ...more,
    state: c.state,
    data: c.data,
    priority: c.priority,
    department: c.department,
    assigneeId: c.assigneeId,
    customerId: c.customerId,
    paused: c.pausedAt !== null,
    sample: sampleOf(c.id),
    followUpPercent,
    ...(actor
      ? {
          caller: {
            userId: actor.userId,
            kind: actor.kind,
            department: actor.department,
            roleCode: actor.roleCode,
            customerId: actor.customerId,
            name: actor.displayName,
          },
        }
      : {}),
  }
}

function refusalError(refusal: Refusal): AppError {
  switch (refusal.code) {
    case 'cases.unknown_action':
      return new AppError('cases.unknown_action', `No action ${refusal.action} here.`)
    case 'cases.wrong_state':
      return new AppError('cases.wrong_state', `Not possible while the case is ${refusal.state}.`, {
        extra: { state: refusal.state },
      })
    case 'forbidden':
      return forbidden(refusal.permission)
    case 'request.invalid':
      return new AppError('request.invalid', refusal.reason, {
        field: refusal.field,
        errors: [{ field: refusal.field, code: 'invalid', reason: refusal.reason }],
      })
    case 'cases.reason_required':
      return new AppError('cases.reason_required', 'This step needs a written reason.', {
        field: 'reason',
      })
    case 'cases.not_allowed':
    case 'cases.guard': {
      const code = (refusal.reason in errorStatus ? refusal.reason : 'rule.violation') as ErrorCode
      return new AppError(code, refusal.reason)
    }
  }
}

function permissionsOfAction(name: string): string[] {
  const found = Object.values(workflows).flatMap((w) => {
    const action = Object.hasOwn(w.actions, name) ? w.actions[name] : undefined
    return action ? [action.permission] : []
  })
  return [...new Set(found)]
}

const SECRET_INPUT = new Set(['signature', 'version'])

export async function applyAction(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
  actionName: string,
  body: Record<string, unknown>,
) {
  const { clock } = deps
  // Permission before loading (403 whatever the id): the caller must hold the permission this
  // action name needs in some workflow; the case's own workflow is checked once it is loaded.
  const needed = permissionsOfAction(actionName)
  if (needed.length === 0) throw refusalError({ code: 'cases.unknown_action', action: actionName })
  if (!needed.some((p) => ctx.actor.permissions.has(p))) throw forbidden(needed[0])
  const result = await deps.db.transaction(async (tx: Db) => {
    const c = await repo.findCase(tx, ctx.actor, caseId, true)
    if (!c) throw notFound('case')
    const workflow = workflows[c.type]
    const def = workflow.actions[actionName]
    if (!def) throw refusalError({ code: 'cases.unknown_action', action: actionName })
    if (!ctx.actor.permissions.has(def.permission)) throw forbidden(def.permission)
    const { version, ...input } = body
    if (version === undefined)
      throw new AppError('request.invalid', 'The case version is required.', {
        field: 'version',
        errors: [{ field: 'version', code: 'required', reason: 'is required' }],
      })
    if (version !== c.version)
      throw new AppError(
        'conflict.stale_version',
        'Someone else changed this case; reload it and try again.',
        { field: 'version', extra: { currentVersion: c.version } },
      )
    const policy = await policyOf(tx, c)
    const facts = await factsFor(tx, clock, ctx, workflow, c)
    const plan = planAction(
      workflow,
      viewOf(c, ctx.actor, policy.followUpPercent, {
        today: localDate(clock.now()),
        now: clock.now().toISOString(),
        facts,
      }),
      actionName,
      ctx.actor.permissions,
      input,
    )
    if (!plan.ok) throw refusalError(plan.refusal)
    const now = clock.now()
    const ends = workflow.final.includes(plan.to)
    let updated = await repo.updateCase(tx, c.id, {
      state: plan.to,
      ...(plan.patch.department !== undefined
        ? { department: plan.patch.department as repo.CaseRow['department'] }
        : {}),
      ...(plan.patch.assigneeId !== undefined ? { assigneeId: plan.patch.assigneeId } : {}),
      ...(plan.patch.priority ? { priority: plan.patch.priority } : {}),
      ...(plan.patch.data ? { data: { ...c.data, ...plan.patch.data } } : {}),
      ...(ends ? { closedAt: now, pausedAt: null } : {}),
      version: c.version + 1,
      updatedAt: now,
    })
    if (plan.patch.assigneeId && plan.patch.assigneeId !== ctx.actor.userId) {
      const staff = await repo.staffServing(tx, c.orgId, c.propertyId, plan.patch.assigneeId)
      if (!staff)
        throw new AppError('cases.assignee_invalid', 'Nobody by this id serves this building.', {
          field: 'assigneeId',
        })
    }
    const shown = Object.fromEntries(Object.entries(input).filter(([k]) => !SECRET_INPUT.has(k)))
    const event = await repo.insertEvent(tx, {
      orgId: c.orgId,
      caseId: c.id,
      at: now,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      kind: 'action',
      action: actionName,
      fromState: plan.from,
      toState: plan.to,
      reason: plan.reason,
      visibility: plan.visibleToCustomer ? 'customer' : 'internal',
      // H-IS-26: an exception to a step is marked as one in the timeline, with its reason.
      data: { ...shown, ...(def.reasonRequired ? { exception: true } : {}) },
    })
    if (plan.signOff) await recordSignOff(tx, ctx, c, actionName, def.permission, input, now)
    // A step that moves the case on ends the wait for the customer, unless it starts a new one:
    // clocks never stay paused into a state that offers no way to resume them.
    const effects =
      c.pausedAt && plan.to !== plan.from && !plan.effects.some((e) => e.kind === 'pause_deadlines')
        ? [{ kind: 'resume_deadlines' as const }, ...plan.effects]
        : plan.effects
    updated = await runEffects(
      {
        tx,
        clock,
        cause: { ctx },
        raise: (parent, effect) => raiseCase(tx, clock, ctx, parent, effect),
        act: (id, name, input) => applyAction({ ...deps, db: tx }, ctx, id, name, input),
      },
      updated,
      effects,
    )
    if (ends) await cancelDeadlines(tx, updated)
    await auditAndAnnounce(
      tx,
      clock,
      ctx,
      {
        action: `case.${actionName}`,
        entityType: 'case',
        entityId: c.id,
        diff: {
          number: c.number,
          state: [plan.from, plan.to],
          reason: plan.reason,
          eventId: event.id,
        },
      },
      { c: updated, now, change: actionName },
    )
    return updated
  })
  kickOutbox()
  return result
}
