// A case's deadlines (时限): started, met, paused and resumed by actions, on the property's
// working-time calendar and the type's policy. Runs inside the engine's transaction.
import { addWorkingMinutes, workingMinutesBetween } from '../../../platform/calendar'
import type { Db } from '../../../platform/db'
import { AppError } from '../../../platform/errors'
import { calendarOf, deadlinePolicyOf } from '../../settings'
import * as repo from '../cases.repository'
import type { DeadlineName } from '../workflow'

const MINUTE = 60_000
/** A promised reply is recalled this long before it falls due (H-FD-11). */
const REMIND_BEFORE_MINUTES = 30

export async function policyOf(db: Db, c: repo.CaseRow) {
  return deadlinePolicyOf(db, c.orgId, c.type, c.priority)
}

function minutesOf(policy: Awaited<ReturnType<typeof policyOf>>, name: DeadlineName): number {
  if (name === 'respond') return policy.respondMinutes
  if (name === 'follow_up') return policy.followUpMinutes
  return policy.resolveMinutes
}

const MAX_AHEAD_DAYS = 366

/**
 * A deadline someone names: a real instant (a leap second such as 23:59:60 passes the format
 * check but is no instant), in the future, and within a year — a date centuries away would make
 * the working-time arithmetic walk the calendar for seconds.
 */
export function dueInstant(value: string, now: Date, field = 'dueAt'): Date {
  const due = new Date(value)
  if (Number.isNaN(due.getTime()))
    throw new AppError('request.invalid', 'Not a valid time.', {
      field,
      errors: [{ field, code: 'format', reason: 'is not a valid time' }],
    })
  if (due <= now)
    throw new AppError('cases.due_in_past', 'A deadline must lie in the future.', { field })
  if (due.getTime() - now.getTime() > MAX_AHEAD_DAYS * 24 * 60 * MINUTE)
    throw new AppError('cases.due_too_far', 'A deadline must lie within a year.', { field })
  return due
}

/** Adds minutes the way the policy counts them: working time on the calendar, or the clock. */
async function later(db: Db, c: repo.CaseRow, workingTime: boolean, from: Date, minutes: number) {
  if (!workingTime) return new Date(from.getTime() + minutes * MINUTE)
  return addWorkingMinutes(await calendarOf(db, c.propertyId), from, minutes)
}

async function minutesLeft(db: Db, c: repo.CaseRow, workingTime: boolean, now: Date, due: Date) {
  if (due <= now) return 0
  if (!workingTime) return Math.ceil((due.getTime() - now.getTime()) / MINUTE)
  // Whole minutes: the column is an integer and a part-minute left still counts as one.
  return Math.ceil(workingMinutesBetween(await calendarOf(db, c.propertyId), now, due))
}

/**
 * Cases a transaction created, with the deadlines it started on them: such a case had none before,
 * so starting one need not look for a running one to replace (one read less for every new case).
 */
const newCases = new WeakMap<Db, Map<string, Set<DeadlineName>>>()

/** Marks a case as created by this transaction (call right after inserting it). */
export function caseCreatedIn(tx: Db, caseId: string) {
  let cases = newCases.get(tx)
  if (!cases) {
    cases = new Map()
    newCases.set(tx, cases)
  }
  cases.set(caseId, new Set())
}

/** Starts a deadline (a running one of the same name is replaced): at `dueAt` or by the policy. */
export async function startDeadline(
  db: Db,
  c: repo.CaseRow,
  name: DeadlineName,
  now: Date,
  dueAt?: string,
) {
  const policy = await policyOf(db, c)
  let due: Date
  if (dueAt) {
    due = dueInstant(dueAt, now, name === 'reply' ? 'promisedAt' : 'dueAt')
  } else {
    due = await later(db, c, policy.workingTime, now, minutesOf(policy, name))
  }
  const started = newCases.get(db)?.get(c.id)
  if (!started || started.has(name)) {
    for (const d of await repo.deadlinesOf(db, c.id)) {
      if (d.name === name && (d.status === 'running' || d.status === 'paused'))
        await repo.updateDeadline(db, d.id, { status: 'cancelled' })
    }
  }
  started?.add(name)
  const remindAt =
    name === 'reply' ? new Date(due.getTime() - REMIND_BEFORE_MINUTES * MINUTE) : null
  const paused = c.pausedAt !== null
  return repo.insertDeadline(db, {
    orgId: c.orgId,
    caseId: c.id,
    name,
    startedAt: now,
    dueAt: due,
    status: paused ? 'paused' : 'running',
    remainingMinutes: paused ? await minutesLeft(db, c, policy.workingTime, now, due) : null,
    remindAt: remindAt && remindAt > now ? remindAt : null,
  })
}

/** The deadline is met (late or on time); it stops counting. */
export async function stopDeadline(db: Db, c: repo.CaseRow, name: DeadlineName, now: Date) {
  for (const d of await repo.deadlinesOf(db, c.id)) {
    if (d.name === name && (d.status === 'running' || d.status === 'paused'))
      await repo.updateDeadline(db, d.id, { status: 'met', metAt: now, nextEscalationAt: null })
  }
}

/** Waiting for the customer: every running deadline keeps the time it had left. */
export async function pauseDeadlines(db: Db, c: repo.CaseRow, now: Date) {
  const policy = await policyOf(db, c)
  for (const d of await repo.deadlinesOf(db, c.id)) {
    if (d.status !== 'running') continue
    await repo.updateDeadline(db, d.id, {
      status: 'paused',
      remainingMinutes: await minutesLeft(db, c, policy.workingTime, now, d.dueAt),
    })
  }
}

export async function resumeDeadlines(db: Db, c: repo.CaseRow, now: Date) {
  const policy = await policyOf(db, c)
  for (const d of await repo.deadlinesOf(db, c.id)) {
    if (d.status !== 'paused') continue
    const due =
      d.dueAt <= (c.pausedAt ?? now)
        ? d.dueAt // already overdue when paused: waiting does not excuse it
        : await later(db, c, policy.workingTime, now, d.remainingMinutes ?? 0)
    await repo.updateDeadline(db, d.id, { status: 'running', dueAt: due, remainingMinutes: null })
  }
}

/** A case that ends stops its clocks: what was not met is cancelled, not counted as met. */
export async function cancelDeadlines(db: Db, c: repo.CaseRow) {
  for (const d of await repo.deadlinesOf(db, c.id)) {
    if (d.status === 'running' || d.status === 'paused')
      await repo.updateDeadline(db, d.id, { status: 'cancelled', nextEscalationAt: null })
  }
}
