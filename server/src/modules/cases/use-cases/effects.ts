// Runs an action's effects inside the engine's transaction. Database effects happen here; messages
// (notifications, live events) are written to the outbox and leave after commit.
import type { Clock } from '../../../platform/clock'
import type { Db } from '../../../platform/db'
import { AppError } from '../../../platform/errors'
import type { RequestContext } from '../../../platform/http/context'
import { enqueue, outboxRow, type OutboxMessage } from '../../../platform/outbox'
import { auditRow } from '../../../platform/audit'
import {
  deductFromDeposit,
  depositById,
  postCharge,
  refundCaseDeposits,
  scheduleCaseRefunds,
} from '../../billing'
import {
  collectPasses,
  issuePasses,
  reinstatePasses,
  revokePass,
  suspendPasses,
} from '../../fit-out/use-cases/passes'
import { calendarOf } from '../../settings'
import { startOfLocalDay } from '../../../platform/clock/zoned'
import { occupyUnit, vacateUnit } from '../../customers'
import { notifyUsers } from '../../notifications'
import * as repo from '../cases.repository'
import { buildingWideTypes } from '../cases.repository'
import type { Effect, Recipients } from '../workflow'
import {
  cancelDeadlines,
  pauseDeadlines,
  resumeDeadlines,
  startDeadline,
  stopDeadline,
} from './deadlines'

/** Who caused the effects: a person (an action) or the system (a deadline passing). */
export type Cause = { ctx: RequestContext } | { ctx: null; orgId: string }

export type EffectDeps = {
  tx: Db
  clock: Clock
  cause: Cause
  /** Opens a case under this one (a liaison slip, a repair): the engine's create, in this transaction. */
  raise: (
    parent: repo.CaseRow,
    effect: Extract<Effect, { kind: 'raise_case' }>,
  ) => Promise<repo.CaseRow>
  /** Takes an action on another case as the same person, through the engine (a child slip). */
  act?: (caseId: string, action: string, input: Record<string, unknown>) => Promise<repo.CaseRow>
}

const actorIdOf = (cause: Cause) => (cause.ctx ? cause.ctx.actor.userId : null)

/** Notifies the recipients of a case (never the person who caused it) and queues the live message. */
export async function notify(
  tx: Db,
  now: Date,
  c: repo.CaseRow,
  to: Recipients,
  template: string,
  options: {
    urgent?: boolean
    exclude?: string | null
    params?: Record<string, string | number>
  } = {},
) {
  const ids = new Set<string>()
  const add = (rows: { id: string }[]) => rows.forEach((r) => ids.add(r.id))
  if (to.role || to.department)
    add(
      await repo.recipients(tx, c.orgId, c.propertyId, {
        ...(to.role ? { role: to.role } : {}),
        ...(to.department ? { department: to.department } : {}),
      }),
    )
  const direct = [to.userId, to.assignee ? c.assigneeId : null, to.creator ? c.createdBy : null]
  const staff = direct.filter((x): x is string => Boolean(x))
  if (staff.length) add(await repo.recipients(tx, c.orgId, c.propertyId, { userIds: staff }))
  if (to.customer && c.customerId)
    add(await repo.recipients(tx, c.orgId, c.propertyId, { customerId: c.customerId }))
  if (options.exclude) ids.delete(options.exclude)
  if (ids.size === 0) return
  await notifyUsers(tx, {
    orgId: c.orgId,
    userIds: [...ids],
    caseId: c.id,
    template,
    params: {
      number: c.number,
      title: c.title,
      ...(c.department ? { department: c.department } : {}),
      ...options.params,
    },
    urgent: Boolean(options.urgent),
    now,
  })
}

const changeOf = (c: repo.CaseRow, change: string): OutboxMessage => ({
  topic: 'case.changed',
  payload: {
    caseId: c.id,
    propertyId: c.propertyId,
    department: c.department,
    assigneeId: c.assigneeId,
    customerId: c.customerId,
    ...((buildingWideTypes as readonly string[]).includes(c.type) ? { buildingWide: true } : {}),
    state: c.state,
    change,
  },
})

export async function caseChanged(tx: Db, now: Date, c: repo.CaseRow, change: string) {
  await enqueue(tx, c.orgId, changeOf(c, change), now)
}

/**
 * How the engine ends a write: the audit row and the live message that the case changed, in one
 * statement (one round trip instead of two).
 */
export async function auditAndAnnounce(
  tx: Db,
  clock: Clock,
  ctx: RequestContext,
  audit: Parameters<typeof auditRow>[2],
  change: { c: repo.CaseRow; now: Date; change: string },
) {
  await repo.insertAuditAndMessage(
    tx,
    auditRow(clock, ctx, audit),
    outboxRow(change.c.orgId, changeOf(change.c, change.change), change.now),
  )
}

/** One level up: the supervisor first, then the manager (H-FD-8, H-IS-19). */
export async function escalateCase(
  deps: Pick<EffectDeps, 'tx' | 'cause'>,
  now: Date,
  c: repo.CaseRow,
  reason: string | null,
) {
  const level = Math.min(c.escalationLevel + 1, 3)
  const updated = await repo.updateCase(deps.tx, c.id, { escalationLevel: level })
  const actor = deps.cause.ctx?.actor
  await repo.insertEvent(deps.tx, {
    orgId: c.orgId,
    caseId: c.id,
    at: now,
    actorId: actor?.userId ?? null,
    actorName: actor?.displayName ?? '系统',
    kind: 'escalated',
    reason,
    data: { level },
  })
  // Up the line from whoever escalates: a supervisor's escalation goes to the manager.
  const byRole = actor?.roleCode
  const upTo =
    level === 1 && byRole !== 'supervisor' && byRole !== 'manager' ? 'supervisor' : 'manager'
  await notify(deps.tx, now, updated, { role: upTo }, 'case.escalated', {
    urgent: true,
    exclude: actorIdOf(deps.cause),
    params: { level },
  })
  return updated
}

export async function runEffects(deps: EffectDeps, c: repo.CaseRow, effects: Effect[]) {
  const { tx, clock, cause } = deps
  const now = clock.now()
  let current = c
  for (const effect of effects) {
    switch (effect.kind) {
      case 'notify':
        await notify(tx, now, current, effect.to, effect.template, {
          urgent: Boolean(effect.urgent),
          exclude: actorIdOf(cause),
        })
        break
      case 'start_deadline':
        await startDeadline(tx, current, effect.name, now, effect.dueAt)
        break
      case 'stop_deadline':
        await stopDeadline(tx, current, effect.name, now)
        break
      case 'pause_deadlines':
        // Already waiting: the first pause stands (its time decides what was overdue before it).
        if (!current.pausedAt) {
          await pauseDeadlines(tx, current, now)
          current = await repo.updateCase(tx, current.id, { pausedAt: now })
        }
        break
      case 'resume_deadlines':
        if (current.pausedAt) {
          await resumeDeadlines(tx, current, now)
          current = await repo.updateCase(tx, current.id, { pausedAt: null })
        }
        break
      case 'escalate':
        current = await escalateCase(deps, now, current, null)
        break
      case 'raise_case': {
        const child = await deps.raise(current, effect)
        await repo.insertEvent(tx, {
          orgId: current.orgId,
          caseId: current.id,
          at: now,
          actorId: actorIdOf(cause),
          actorName: cause.ctx?.actor.displayName ?? '系统',
          kind: 'action',
          action: 'raised',
          data: { childId: child.id, number: child.number, type: child.type },
        })
        break
      }
      case 'start_occupancy':
      case 'end_occupancy': {
        if (!cause.ctx) throw new Error('an occupancy change needs a person who causes it')
        if (!current.customerId || !current.unitId)
          throw new AppError('cases.no_customer', 'This case names no customer and unit.', {
            field: 'customerId',
          })
        if (effect.kind === 'start_occupancy')
          await occupyUnit(tx, { clock }, cause.ctx, current.customerId, {
            unitId: current.unitId,
            role: effect.role,
            fromDate: effect.fromDate,
          })
        else
          await vacateUnit(
            tx,
            { clock },
            cause.ctx,
            current.customerId,
            current.unitId,
            effect.toDate,
          )
        break
      }
      case 'deduct_deposit': {
        if (!cause.ctx) throw new Error('a deduction needs a person who causes it')
        const deposit = await depositById(tx, cause.ctx, effect.depositId)
        if (deposit.customerId !== current.customerId)
          throw new AppError('cases.deposit_elsewhere', "This deposit is another customer's.", {
            field: 'depositId',
          })
        await deductFromDeposit(
          tx,
          { db: tx, clock },
          cause.ctx,
          `case:${current.id}:v${current.version}:${effect.depositId}`,
          effect.depositId,
          { amount: effect.amount, reason: effect.reason, caseId: current.id },
        )
        break
      }
      case 'complete_slips': {
        if (!deps.act) throw new Error('completing slips needs a person who acts')
        for (const slip of await repo.openSlipsOf(tx, current.id, effect.department)) {
          let version = slip.version
          if (slip.state === 'issued')
            version = (await deps.act(slip.id, 'receive', { version })).version
          await deps.act(slip.id, 'complete', { version, feedback: effect.feedback })
        }
        break
      }
      case 'issue_passes':
        if (!cause.ctx) throw new Error('passes are issued by a person')
        await issuePasses(tx, current, cause.ctx.actor.userId, now, effect)
        break
      case 'revoke_pass':
        await revokePass(tx, current, effect.passId, effect.reason, now)
        break
      case 'suspend_passes':
        await suspendPasses(tx, current, now)
        break
      case 'reinstate_passes':
        await reinstatePasses(tx, current, now)
        break
      case 'collect_passes':
        await collectPasses(tx, current, now)
        break
      case 'schedule_refund': {
        if (!cause.ctx) throw new Error('a refund is scheduled by a person')
        const refundDueOn = await scheduleCaseRefunds(
          tx,
          { db: tx, clock },
          cause.ctx,
          current,
          effect.reinspectedOn,
        )
        current = await repo.updateCase(tx, current.id, {
          data: { ...current.data, reinspectedOn: effect.reinspectedOn, refundDueOn },
        })
        // The step falls due as the day begins in the building (the workflow's onDue.refund).
        const { timeZone } = await calendarOf(tx, current.propertyId)
        await startDeadline(
          tx,
          current,
          'refund',
          now,
          startOfLocalDay(refundDueOn, timeZone).toISOString(),
        )
        break
      }
      case 'refund_deposits':
        if (!cause.ctx) throw new Error('a refund is paid by a person')
        await refundCaseDeposits(
          tx,
          { db: tx, clock },
          cause.ctx,
          current,
          `case:${current.id}:v${current.version}`,
          effect.method,
        )
        break
      case 'post_charge': {
        if (!cause.ctx) throw new Error('a charge needs a person who causes it')
        if (!current.customerId)
          throw new AppError('cases.no_customer', 'This case has no customer to bill.', {
            field: 'customerId',
          })
        const item = await repo.activeChargeItemOfKind(tx, current.orgId, effect.chargeKind)
        if (!item)
          throw new AppError('cases.no_charge_item', 'No charge item is set up for this charge.')
        await postCharge(tx, clock, cause.ctx, {
          customerId: current.customerId,
          ...(current.unitId ? { unitId: current.unitId } : {}),
          chargeItemId: item.id,
          amount: effect.amount,
          description: `${current.number} ${effect.description}`.slice(0, 200),
          caseId: current.id,
          // Exactly once per case and version: a retried request cannot bill twice.
          idempotencyKey: `case:${current.id}:v${current.version}${effect.line === undefined ? '' : `:${effect.line}`}`,
        })
        break
      }
    }
  }
  return current
}

export { cancelDeadlines }
