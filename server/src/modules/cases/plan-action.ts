import { Value } from 'typebox/value'
import type { CasePatch, CaseView, Effect, Workflow } from './workflow'

export type Refusal =
  | { code: 'cases.unknown_action'; action: string }
  | { code: 'cases.wrong_state'; action: string; state: string }
  | { code: 'forbidden'; permission: string }
  | { code: 'request.invalid'; field: string; reason: string }
  | { code: 'cases.reason_required' }
  | { code: 'cases.guard'; reason: string }
  | { code: 'cases.not_allowed'; reason: string }

export type Plan =
  | {
      ok: true
      from: string
      to: string
      patch: CasePatch
      effects: Effect[]
      signOff: boolean
      reason: string | null
      visibleToCustomer: boolean
    }
  | { ok: false; refusal: Refusal }

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
  const notAllowed = action.allowed?.(view) ?? null
  if (notAllowed) return { ok: false, refusal: { code: 'cases.not_allowed', reason: notAllowed } }
  // Strict like every other body: a field the action does not take is refused by name.
  const known = (action.input as { properties?: Record<string, unknown> }).properties ?? {}
  const extra =
    typeof input === 'object' && input !== null
      ? Object.keys(input).find((k) => !Object.hasOwn(known, k))
      : undefined
  if (extra)
    return {
      ok: false,
      refusal: { code: 'request.invalid', field: extra, reason: 'is not allowed' },
    }
  const error = Value.Errors(action.input, input)[0]
  if (error) {
    const path = error.instancePath.replace(/^\//, '').replace(/\//g, '.')
    // A missing property is reported at its own name, the way the UI marks the field.
    const missing = (error.params as { requiredProperties?: string[] }).requiredProperties?.[0]
    const field = (missing ? [path, missing].filter(Boolean).join('.') : path) || 'input'
    return { ok: false, refusal: { code: 'request.invalid', field, reason: error.message } }
  }
  const typed = input as never
  const given = (input as { reason?: unknown }).reason
  const reason = typeof given === 'string' && given.trim() ? given.trim() : null
  if (action.reasonRequired && (reason === null || reason.length < 4))
    return { ok: false, refusal: { code: 'cases.reason_required' } }
  const blocked = action.guard?.(view, typed) ?? null
  if (blocked) return { ok: false, refusal: { code: 'cases.guard', reason: blocked } }
  const to = typeof action.to === 'function' ? action.to(view, typed) : action.to
  return {
    ok: true,
    from: view.state,
    to,
    patch: action.update?.(view, typed) ?? {},
    effects: action.effects?.(view, typed) ?? [],
    signOff: Boolean(action.signOff),
    reason,
    visibleToCustomer: Boolean(action.visibleToCustomer),
  }
}

/** The actions a caller may take on a case now (state and permission): what the UI draws as buttons. */
export function availableActions(
  workflow: Workflow,
  view: CaseView,
  permissions: ReadonlySet<string>,
) {
  return Object.entries(workflow.actions)
    .filter(
      ([, a]) => a.from.includes(view.state) && permissions.has(a.permission) && !a.allowed?.(view),
    )
    .map(([name, a]) => ({
      name,
      input: a.input,
      reasonRequired: Boolean(a.reasonRequired),
      signOff: Boolean(a.signOff),
    }))
}
