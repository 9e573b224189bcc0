// The deadline sweep: what makes overdue work never silent (H-FD-8, H-IS-19, H-IS-25). A deadline
// whose time has come is marked overdue, the case escalates a level and the supervisor is told; a
// deadline still unmet a further period later goes up to the manager. Runs from a job at due times,
// every minute, and once at start — so a deadline that passed while the server was stopped still
// escalates after a restart. Idempotent: a deadline is marked once per step.
import { recordAudit } from '../../../platform/audit'
import type { Clock } from '../../../platform/clock'
import type { Db } from '../../../platform/db'
import { kickOutbox } from '../../../platform/outbox'
import * as repo from '../cases.repository'
import type { DueStep } from '../workflow'
import { viewOf } from './apply-action'
import { caseChanged, escalateCase, notify, runEffects } from './effects'
import { workflows } from '../workflows'

const MINUTE = 60_000
const SYSTEM = '系统'

async function sweepCase(tx: Db, now: Date, caseId: string) {
  let c = await repo.lockCaseById(tx, caseId)
  if (!c) return false
  const cause = { ctx: null, orgId: c.orgId }
  let changed = false
  let change = 'overdue'
  for (const d of await repo.deadlinesOf(tx, c.id)) {
    if (d.status !== 'running') continue
    const step = workflows[c.type].onDue?.[d.name]
    if (step) {
      // A scheduled step (H-FO-15): its day has come — the step is taken, nothing is overdue.
      if (d.dueAt <= now) {
        c = await takeDueStep(tx, now, c, d, step)
        changed = true
        change = 'scheduled'
      }
      continue
    }
    if (d.remindAt && !d.remindedAt && d.remindAt <= now && d.dueAt > now) {
      await repo.updateDeadline(tx, d.id, { remindedAt: now })
      await repo.insertEvent(tx, {
        orgId: c.orgId,
        caseId: c.id,
        at: now,
        actorName: SYSTEM,
        kind: 'deadline',
        data: { deadline: d.name, reminder: true, dueAt: d.dueAt.toISOString() },
      })
      await notify(tx, now, c, { creator: true, assignee: true }, 'inquiry.reply_due', {
        params: { due: d.dueAt.toISOString() },
      })
      changed = true
    }
    if (!d.overdueAt && d.dueAt <= now) {
      // The next step up comes after another period as long as the first, at least half an hour.
      const span = Math.max(d.dueAt.getTime() - d.startedAt.getTime(), 30 * MINUTE)
      await repo.updateDeadline(tx, d.id, {
        overdueAt: now,
        escalations: 1,
        remindedAt: d.remindedAt ?? now,
        nextEscalationAt: new Date(d.dueAt.getTime() + span),
      })
      c = await repo.updateCase(tx, c.id, { overdue: true })
      await repo.insertEvent(tx, {
        orgId: c.orgId,
        caseId: c.id,
        at: now,
        actorName: SYSTEM,
        kind: 'overdue',
        data: { deadline: d.name, dueAt: d.dueAt.toISOString() },
      })
      await notify(
        tx,
        now,
        c,
        {
          assignee: true,
          ...(c.department && c.department !== 'customer_service'
            ? { department: c.department, role: 'department_head' }
            : {}),
        },
        'case.overdue',
        {
          urgent: true,
          params: { deadline: d.name },
        },
      )
      if (c.escalationLevel < 1) c = await escalateCase({ tx, cause }, now, c, `overdue:${d.name}`)
      else
        await notify(tx, now, c, { role: 'supervisor' }, 'case.overdue', {
          urgent: true,
          params: { deadline: d.name },
        })
      changed = true
    } else if (d.overdueAt && d.nextEscalationAt && d.nextEscalationAt <= now) {
      await repo.updateDeadline(tx, d.id, {
        escalations: d.escalations + 1,
        nextEscalationAt: null,
      })
      if (c.escalationLevel < 2) c = await escalateCase({ tx, cause }, now, c, `overdue:${d.name}`)
      changed = true
    }
  }
  if (changed) {
    await recordAudit(
      tx,
      { now: () => now } as Clock,
      { actor: null, orgId: c.orgId, actorName: SYSTEM },
      {
        action: 'case.deadline_sweep',
        entityType: 'case',
        entityId: c.id,
        diff: { number: c.number, overdue: c.overdue, escalationLevel: c.escalationLevel },
      },
    )
    await caseChanged(tx, now, c, change)
  }
  return changed
}

/** Takes a workflow's scheduled step as the system: patch, timeline event, effects. */
async function takeDueStep(
  tx: Db,
  now: Date,
  c: repo.CaseRow,
  d: repo.DeadlineRow,
  step: DueStep,
): Promise<repo.CaseRow> {
  const { patch, effects = [], action } = step(viewOf(c, null, 0))
  await repo.updateDeadline(tx, d.id, { status: 'met', metAt: now })
  const updated = await repo.updateCase(tx, c.id, {
    ...(patch.department !== undefined
      ? { department: patch.department as repo.CaseRow['department'] }
      : {}),
    ...(patch.data ? { data: { ...c.data, ...patch.data } } : {}),
    version: c.version + 1,
    updatedAt: now,
  })
  await repo.insertEvent(tx, {
    orgId: c.orgId,
    caseId: c.id,
    at: now,
    actorName: SYSTEM,
    kind: 'action',
    action,
    fromState: c.state,
    toState: c.state,
    data: { deadline: d.name, dueAt: d.dueAt.toISOString() },
  })
  const cause = { ctx: null, orgId: c.orgId }
  return runEffects(
    {
      tx,
      clock: { now: () => now },
      cause,
      raise: () => {
        throw new Error('a scheduled step raises no case')
      },
    },
    updated,
    effects,
  )
}

/** Marks what is due; returns how many cases changed. */
export async function sweepDeadlines({ db, clock }: { db: Db; clock: Clock }) {
  const now = clock.now()
  let changed = 0
  for (;;) {
    const due = await repo.casesWithDueDeadlines(db, now, 100)
    let batch = 0
    for (const caseId of due) if (await db.transaction((tx) => sweepCase(tx, now, caseId))) batch++
    changed += batch
    if (due.length < 100 || batch === 0) break
  }
  if (changed) kickOutbox()
  return changed
}

export { nextDeadlineMoment } from '../cases.repository'
