import { Value } from 'typebox/value'
import type { CaseView, Effect, Workflow } from './workflow'

export type Refusal =
  | { code: 'cases.unknown_action'; action: string }
  | { code: 'cases.wrong_state'; action: string; state: string }
  | { code: 'forbidden'; permission: string }
  | { code: 'request.invalid'; field: string; reason: string }
  | { code: 'cases.reason_required' }
  | { code: 'cases.guard'; reason: string }

export type Plan =
  { ok: true; from: string; to: string; effects: Effect[] } | { ok: false; refusal: Refusal }

/**
 * Decides what an action would do to a case for a caller, without doing it: the engine's write
 * function applies a plan in one transaction. Checks in order: the action exists, the case is in a
 * state it starts from, the caller holds its permission, the input is valid, a required reason is
 * given, and the guard lets it go on.
 */
export function planAction(
  workflow: Workflow,
  view: CaseView,
  actionName: string,
  permissions: ReadonlySet<string>,
  input: unknown,
): Plan {
  const action = workflow.actions[actionName]
  if (!action) return { ok: false, refusal: { code: 'cases.unknown_action', action: actionName } }
  if (!action.from.includes(view.state)) {
    return {
      ok: false,
      refusal: { code: 'cases.wrong_state', action: actionName, state: view.state },
    }
  }
  if (!permissions.has(action.permission))
    return { ok: false, refusal: { code: 'forbidden', permission: action.permission } }
  const error = Value.Errors(action.input, input)[0]
  if (error) {
    const field = error.instancePath.replace(/^\//, '').replace(/\//g, '.') || 'input'
    return { ok: false, refusal: { code: 'request.invalid', field, reason: error.message } }
  }
  const typed = input as never
  if (action.reasonRequired) {
    const reason = (input as { reason?: unknown }).reason
    if (typeof reason !== 'string' || reason.trim().length < 4)
      return { ok: false, refusal: { code: 'cases.reason_required' } }
  }
  const blocked = action.guard?.(view, typed) ?? null
  if (blocked) return { ok: false, refusal: { code: 'cases.guard', reason: blocked } }
  const to = typeof action.to === 'function' ? action.to(view, typed) : action.to
  return { ok: true, from: view.state, to, effects: action.effects?.(view, typed) ?? [] }
}

/** The actions a caller may take on a case now (state and permission): what the UI draws as buttons. */
export function availableActions(
  workflow: Workflow,
  state: string,
  permissions: ReadonlySet<string>,
) {
  return Object.entries(workflow.actions)
    .filter(([, a]) => a.from.includes(state) && permissions.has(a.permission))
    .map(([name, a]) => ({ name, input: a.input, reasonRequired: Boolean(a.reasonRequired) }))
}
