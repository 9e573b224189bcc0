// The case engine's vocabulary (ARCHITECTURE "The case engine"): a workflow is data — states,
// and actions that move a case between them — and what an action does is data too (effects).
// Pure: no I/O here; applying a plan (state + timeline + audit + outbox in one transaction) is the
// engine's one write function, built on top of this.
import type { Static, TSchema } from 'typebox'
import type { Permission } from '../../platform/permissions'

/** Things an action causes, run by the engine: database effects in the transaction, messages after. */
export type Effect =
  | {
      kind: 'notify'
      to: { role?: string; department?: string; userId?: string }
      template: string
      urgent?: boolean
    }
  | { kind: 'start_deadline'; name: string; dueAt: string }
  | { kind: 'stop_deadline'; name: string }
  | { kind: 'pause_deadlines' }
  | { kind: 'resume_deadlines' }
  | { kind: 'issue_liaison_slip'; department: string; content: string; dueAt: string }
  | { kind: 'post_charge'; chargeItemCode: string; amount: number; description: string }
  | { kind: 'schedule_step'; action: string; at: string }

/** What an action sees of the case: its state and the fields its guard reads. */
export type CaseView<Data = Record<string, unknown>> = { state: string; data: Data }

export type ActionDef<S extends string, I extends TSchema = TSchema> = {
  from: readonly S[]
  to: S | ((view: CaseView, input: Static<I>) => S)
  permission: Permission
  input: I
  /** A refusal for this case and input (a stable code), or null when the action may go on. */
  guard?: (view: CaseView, input: Static<I>) => string | null
  effects?: (view: CaseView, input: Static<I>) => Effect[]
  /** Needs a written reason (an exception to a step, H-IS-26): shown in the timeline. */
  reasonRequired?: boolean
}

export type Workflow<S extends string = string> = {
  type: string
  states: readonly S[]
  initial: S
  /** States a case ends in: no action leads out of them. */
  final: readonly S[]
  actions: Record<string, ActionDef<S>>
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
