// The case engine's vocabulary (ARCHITECTURE "The case engine"): a workflow is data — states,
// and actions that move a case between them — and what an action does is data too (effects).
// Pure: no I/O here; applying a plan (state + timeline + audit + outbox in one transaction) is the
// engine's one write function, built on top of this.
import type { Static, TSchema } from 'typebox'
import type { Permission } from '../../platform/permissions'

/** Who an effect's notification goes to: staff by role and/or department, or a party of the case. */
export type Recipients = {
  role?: string
  department?: string
  userId?: string
  assignee?: true
  customer?: true
  creator?: true
}

export type DeadlineName = 'respond' | 'resolve' | 'follow_up' | 'reply' | 'rectify' | 'refund'

/** Things an action causes, run by the engine: database effects in the transaction, messages after. */
export type Effect =
  | { kind: 'notify'; to: Recipients; template: string; urgent?: boolean }
  /** Starts (or restarts) a deadline: at `dueAt`, or after the policy's time on the calendar. */
  | { kind: 'start_deadline'; name: DeadlineName; dueAt?: string }
  /** The deadline is met (late or not): it stops counting. */
  | { kind: 'stop_deadline'; name: DeadlineName }
  | { kind: 'pause_deadlines' }
  | { kind: 'resume_deadlines' }
  /** Raises a case of another type under this one (a liaison slip, a repair from an incident). */
  | {
      kind: 'raise_case'
      type: 'liaison' | 'repair' | 'release'
      title: string
      description: string
      department?: string
      priority?: 'normal' | 'urgent' | 'emergency'
      dueAt?: string
      /** The raised case's own fields (a release slip's goods). */
      data?: Record<string, unknown>
    }
  /** The case's customer takes up its unit (a move-in completes): occupancy, unit occupied. */
  | { kind: 'start_occupancy'; role: 'owner' | 'tenant'; fromDate: string }
  /** H-MO-7: the customer's occupancy of the case's unit ends; the unit is vacant. */
  | { kind: 'end_occupancy'; toDate: string }
  /** H-FO-14, H-MO-5: damage paid from a deposit of the case's customer, with the reason. */
  | { kind: 'deduct_deposit'; depositId: string; amount: number; reason: string }
  /** One level up the reporting line (H-FD-8, H-IS-19): the supervisor, then the manager. */
  | { kind: 'escalate' }
  /** H-FO-9: fit-out workers' passes — one per rostered worker, revoked, suspended by a stop-work
   * order and reinstated, collected at the end. */
  | { kind: 'issue_passes'; validFrom: string; validTo: string }
  | { kind: 'revoke_pass'; passId: string; reason: string }
  | { kind: 'suspend_passes' }
  | { kind: 'reinstate_passes' }
  | { kind: 'collect_passes' }
  /** Completes the open liaison slips this case raised to a department, through the slips' own
   * steps (received, done with the feedback): their task was done on this case (a head signed). */
  | { kind: 'complete_slips'; department: string; feedback: string }
  /** H-FO-15: the case's deposits are refunded three months after a clean re-inspection. */
  | { kind: 'schedule_refund'; reinspectedOn: string }
  /** Pays back what is left on the case's deposits (finance, on or after their due date). */
  | {
      kind: 'refund_deposits'
      method: 'cash' | 'bank_transfer' | 'card' | 'wechat_pay' | 'alipay'
    }
  /** Bills the case's customer through the billing module (a paid repair). */
  | {
      kind: 'post_charge'
      chargeKind: 'paid_repair' | 'compensation'
      amount: number
      description: string
      /** Tells apart several charges of one action (damage lines): part of the idempotency key. */
      line?: number
    }

/** What the engine looks up for a workflow that asks (`Workflow.facts`) before it plans. */
export type CaseFacts = {
  /** H-MO-3: the customer's account now. */
  settlement?: { open: number; credit: number; depositsHeld: number; settled: boolean }
  /** The kind of the case's unit (offices get an inspection on move-out, H-MO-5). */
  unitKind?: 'office' | 'apartment' | null
  /** Keys and access cards issued to the customer for the unit at move-in (counted). */
  issued?: { keys: number; cards: number } | null
  /** The customer's current role in the unit: a tenant's goods need the owner's consent. */
  occupancyRole?: 'owner' | 'tenant' | null
  /** The case's own money (H-FO-3): deposits taken for it, its charges, what is still open. */
  caseMoney?: CaseMoney
  /** Ids of the files attached to the case (drawings, photos), signatures excepted. */
  attachmentIds?: string[]
}
export type CaseMoney = {
  deposits: { id: string; type: string; balance: number; refundDueOn: string | null }[]
  /** Balance held on the case's deposits, fen. */
  held: number
  /** Charges of the case, by charge-item code (debris_removal): posted and still open, fen. */
  charges: { code: string; amount: number; open: number }[]
}
export type FactName = keyof CaseFacts

/** The caller, as a guard sees them. */
export type Caller = {
  userId: string
  kind: 'staff' | 'customer'
  department: string | null
  roleCode: string
  customerId: string | null
  /** The caller's display name, for records a step keeps (who patrolled). */
  name?: string
}

/** What an action sees of the case: its state, its fields and the caller. */
export type CaseView<Data = Record<string, unknown>> = {
  state: string
  data: Data
  priority?: string
  department?: string | null
  assigneeId?: string | null
  customerId?: string | null
  paused?: boolean
  /** 0–99, fixed per case: sampling (repairs follow up a share of cases) without randomness. */
  sample?: number
  /** The share of cases the policy follows up, percent. */
  followUpPercent?: number
  caller?: Caller
  /** Today in the building's time zone (a release slip is valid on its day). */
  today?: string
  /** The moment the step is taken (ISO), for records a step keeps. */
  now?: string
  facts?: CaseFacts
}

/** Changes an action makes to the case's own fields; `data` is merged into the case's data. */
export type CasePatch = {
  department?: string | null
  assigneeId?: string | null
  priority?: 'normal' | 'urgent' | 'emergency'
  data?: Record<string, unknown>
}

export type ActionDef<S extends string, I extends TSchema = TSchema> = {
  from: readonly S[]
  to: S | ((view: CaseView, input: Static<I>) => S)
  permission: Permission
  input: I
  /** Whether this caller may take the action on this case at all (a refusal code), before input. */
  allowed?: (view: CaseView) => string | null
  /** A refusal for this case and input (a stable code), or null when the action may go on. */
  guard?: (view: CaseView, input: Static<I>) => string | null
  update?: (view: CaseView, input: Static<I>) => CasePatch
  effects?: (view: CaseView, input: Static<I>) => Effect[]
  /** Needs a written reason (an exception to a step, H-IS-26): shown in the timeline. */
  reasonRequired?: boolean
  /** The caller signs the step (签字确认): a sign-off row names them, their role and the time. */
  signOff?: boolean
  /** Shown to the customer in their timeline (the case's progress), not only to staff. */
  visibleToCustomer?: boolean
}

/** How a case of the type is opened: its type-specific fields and what opening it causes. */
export type CreateDef<S extends string> = {
  data: TSchema
  /** Fields a case of this type cannot be opened without (a move is of a customer and a unit). */
  requires?: readonly ('unitId' | 'customerId')[]
  /** The state a new case starts in when it is not `initial` (an inquiry answered at once). */
  startIn?: (data: Record<string, unknown>) => S
  defaults?: (data: Record<string, unknown>) => CasePatch
  effects?: (view: CaseView) => Effect[]
  /** Only units of these kinds (a fit-out permit is for offices). */
  unitKinds?: readonly ('office' | 'apartment')[]
  /** A refusal code for the new case's fields (dates in order, not in the past), or null. */
  check?: (data: Record<string, unknown>, today: string) => string | null
}

/** A step the calendar takes, not a person: when the named deadline falls due (H-FO-15). */
export type DueStep = (view: CaseView) => {
  patch: CasePatch
  /** Only what the system may do with nobody acting: tell people, keep time. */
  effects?: Extract<Effect, { kind: 'notify' | 'start_deadline' | 'stop_deadline' }>[]
  /** The timeline's name for the step. */
  action: string
}

export type Workflow<S extends string = string> = {
  type: string
  states: readonly S[]
  initial: S
  /** States a case ends in: no action leads out of them. */
  final: readonly S[]
  create: CreateDef<S>
  actions: Record<string, ActionDef<S>>
  /** Facts the engine loads for this type's guards. */
  facts?: readonly FactName[]
  /** Steps taken when a deadline of that name falls due, instead of marking it overdue. */
  onDue?: Partial<Record<DeadlineName, DueStep>>
}

/** Declares a workflow and checks that its table is consistent: every state named exists. */
export function defineWorkflow<const S extends string>(workflow: Workflow<S>): Workflow<S> {
  const known = new Set<string>(workflow.states)
  const problems: string[] = []
  if (!known.has(workflow.initial))
    problems.push(`initial state ${workflow.initial} is not a state`)
  for (const f of workflow.final)
    if (!known.has(f)) problems.push(`final state ${f} is not a state`)
  for (const [name, action] of Object.entries(workflow.actions)) {
    for (const s of action.from) {
      if (!known.has(s)) problems.push(`${name}: from ${s} is not a state`)
      if (workflow.final.includes(s)) problems.push(`${name}: leads out of the final state ${s}`)
    }
    if (typeof action.to === 'string' && !known.has(action.to))
      problems.push(`${name}: to ${action.to} is not a state`)
  }
  if (problems.length > 0) throw new Error(`workflow ${workflow.type}: ${problems.join('; ')}`)
  return workflow
}

/**
 * One action of a table, with its input type inferred from its schema for the guard and effects.
 * The table stores it with the input type erased: the engine validates input against the schema
 * before it calls either, so the erasure is safe.
 */
export function action<I extends TSchema, S extends string = string>(
  def: ActionDef<S, I>,
): ActionDef<S> {
  return def as unknown as ActionDef<S>
}
