// Actions every case type shares, and the small rules workflows use. Pure.
import { Type } from 'typebox'
import type { ActionDef, CaseView } from './workflow'

/** A written reason: an exception (H-IS-26), an escalation, a cancellation. */
export const Reason = Type.String({ minLength: 4, maxLength: 2000 })
export const Note = Type.String({ maxLength: 2000 })
export const Department = Type.Enum([
  'customer_service',
  'engineering',
  'security',
  'finance',
  'cleaning',
])
/** An optional drawn signature (a PNG data URL from a tablet) and the name of who drew it. */
export const Signature = {
  signerName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  signature: Type.Optional(
    Type.String({ pattern: '^data:image/png;base64,[A-Za-z0-9+/=]+$', maxLength: 400_000 }),
  ),
}
export const FollowUpInput = Type.Object({
  method: Type.Enum(['phone', 'visit', 'sms', 'wechat', 'other']),
  rating: Type.Enum(['satisfied', 'fairly_satisfied', 'unsatisfied']),
  comment: Type.Optional(Note),
})

const managers = ['admin', 'manager']

/** Department work is done by the case's department (the manager and admin may act for it). */
export function inCaseDepartment(view: CaseView): string | null {
  const caller = view.caller
  if (!caller) return null
  if (managers.includes(caller.roleCode)) return null
  return caller.department !== null && caller.department === view.department
    ? null
    : 'cases.other_department'
}

/** The assigned technician, or the department (its head dispatches and may step in). */
export function assigneeOrDepartment(view: CaseView): string | null {
  if (view.caller && view.assigneeId === view.caller.userId) return null
  return inCaseDepartment(view)
}

/**
 * A step that belongs to one department (finance settles, security checks the gate): its staff,
 * or the manager and admin acting for it; anyone else is refused with `refusal`.
 */
export function onlyDepartment(department: string, refusal: string) {
  return (view: CaseView): string | null => {
    const caller = view.caller
    if (!caller || managers.includes(caller.roleCode) || caller.department === department)
      return null
    return refusal
  }
}

/** Escalate by hand (H-FD-8: what the desk cannot settle goes to the supervisor at once). */
export function escalate<S extends string>(from: readonly S[]): ActionDef<S> {
  return {
    from,
    to: (view) => view.state as S,
    permission: 'case.escalate',
    input: Type.Object({ reason: Reason }),
    reasonRequired: true,
    effects: () => [{ kind: 'escalate' }],
  }
}

/** Waiting for the customer (away, access refused): deadlines stop counting until resumed. */
export function waitForCustomer<S extends string>(from: readonly S[]): ActionDef<S> {
  return {
    from,
    to: (view) => view.state as S,
    permission: 'case.work',
    input: Type.Object({ reason: Reason }),
    reasonRequired: true,
    allowed: (view) => (view.paused ? 'cases.already_paused' : null),
    effects: () => [{ kind: 'pause_deadlines' }],
  }
}

export function resume<S extends string>(from: readonly S[]): ActionDef<S> {
  return {
    from,
    to: (view) => view.state as S,
    permission: 'case.work',
    input: Type.Object({ note: Type.Optional(Note) }),
    allowed: (view) => (view.paused ? null : 'cases.not_paused'),
    effects: () => [{ kind: 'resume_deadlines' }],
  }
}

/** H-MI-1, H-MO-7: help with the move — moving company, trolleys, the goods lift — kept on the case. */
export function arrangeMovingHelp<S extends string>(from: readonly S[]): ActionDef<S> {
  return {
    from,
    to: (view) => view.state as S,
    permission: 'case.work',
    input: Type.Object({
      movingCompany: Type.Optional(Type.String({ maxLength: 100 })),
      trolleys: Type.Integer({ minimum: 0, maximum: 50 }),
      goodsLiftAt: Type.Optional(Type.String({ format: 'date-time' })),
      note: Type.Optional(Note),
    }),
    update: (_, input) => ({ data: { movingHelp: input } }),
    visibleToCustomer: true,
  }
}

/** Withdrawn, duplicate or raised in error: needs a written reason. */
export function cancel<S extends string>(from: readonly S[], to: S): ActionDef<S> {
  return {
    from,
    to,
    permission: 'case.close',
    input: Type.Object({ reason: Reason }),
    reasonRequired: true,
    visibleToCustomer: true,
  }
}
