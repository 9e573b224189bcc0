import { describe, expect, it } from 'vitest'
import { Type } from 'typebox'
import { action, defineWorkflow } from './workflow'
import { availableActions, planAction } from './plan-action'

// A small workflow in the shape the case types will have; permissions are existing ones.
const door = defineWorkflow({
  type: 'door',
  states: ['closed', 'open', 'locked', 'scrapped'],
  initial: 'closed',
  final: ['scrapped'],
  create: { data: Type.Object({}) },
  actions: {
    open: { from: ['closed'], to: 'open', permission: 'unit.read', input: Type.Object({}) },
    close: action({
      from: ['open'],
      to: 'closed',
      permission: 'unit.read',
      input: Type.Object({ gently: Type.Boolean() }),
      effects: (_, i) =>
        i.gently ? [] : [{ kind: 'notify', to: { role: 'supervisor' }, template: 'door.slammed' }],
    }),
    lock: {
      from: ['closed'],
      to: 'locked',
      permission: 'unit.manage',
      input: Type.Object({ keyNo: Type.String({ minLength: 1 }) }),
      guard: (view) => (view.data['broken'] ? 'door.broken' : null),
    },
    unlock: {
      from: ['locked'],
      to: (view) => (view.data['alarm'] ? 'open' : 'closed'),
      permission: 'unit.manage',
      input: Type.Object({}),
    },
    scrap: {
      from: ['closed', 'open', 'locked'],
      to: 'scrapped',
      permission: 'unit.manage',
      input: Type.Object({ reason: Type.String() }),
      reasonRequired: true,
    },
  },
})

const staff = new Set(['unit.read'])
const manager = new Set(['unit.read', 'unit.manage'])
const view = (state: string, data: Record<string, unknown> = {}) => ({ state, data })

describe('a workflow table', () => {
  it('is refused when it names a state it does not have or leads out of a final state', () => {
    expect(() =>
      defineWorkflow({
        type: 'bad',
        states: ['a'],
        initial: 'a',
        final: [],
        create: { data: Type.Object({}) },
        actions: {
          go: { from: ['a'], to: 'b' as 'a', permission: 'unit.read', input: Type.Object({}) },
        },
      }),
    ).toThrow(/to b is not a state/)
    expect(() =>
      defineWorkflow({
        type: 'bad',
        states: ['a', 'z'],
        initial: 'a',
        final: ['z'],
        create: { data: Type.Object({}) },
        actions: { go: { from: ['z'], to: 'a', permission: 'unit.read', input: Type.Object({}) } },
      }),
    ).toThrow(/leads out of the final state z/)
  })
})

describe('planning an action: every state × action', () => {
  const inputs: Record<string, unknown> = {
    open: {},
    close: { gently: true },
    lock: { keyNo: 'K1' },
    unlock: {},
    scrap: { reason: '门框变形' },
  }
  for (const state of door.states) {
    for (const [name, action] of Object.entries(door.actions)) {
      const allowed = action.from.includes(state)
      it(`${state} × ${name}: ${allowed ? 'allowed' : 'refused (wrong state)'}`, () => {
        const plan = planAction(door, view(state), name, manager, inputs[name])
        if (allowed) expect(plan).toMatchObject({ ok: true, from: state })
        else
          expect(plan).toEqual({
            ok: false,
            refusal: { code: 'cases.wrong_state', action: name, state },
          })
      })
    }
  }
})

describe('refusals and outcomes', () => {
  it('an unknown action is refused', () => {
    expect(planAction(door, view('closed'), 'fly', manager, {})).toEqual({
      ok: false,
      refusal: { code: 'cases.unknown_action', action: 'fly' },
    })
  })

  it('a caller without the action’s permission is refused with it named', () => {
    expect(planAction(door, view('closed'), 'lock', staff, { keyNo: 'K1' })).toEqual({
      ok: false,
      refusal: { code: 'forbidden', permission: 'unit.manage' },
    })
  })

  it('invalid input is refused with the field', () => {
    expect(planAction(door, view('closed'), 'lock', manager, { keyNo: '' })).toMatchObject({
      ok: false,
      refusal: { code: 'request.invalid', field: 'keyNo' },
    })
  })

  it('H-IS-26 an exception needs a written reason', () => {
    expect(planAction(door, view('open'), 'scrap', manager, { reason: ' ' })).toEqual({
      ok: false,
      refusal: { code: 'cases.reason_required' },
    })
  })

  it('a guard refuses with its own code', () => {
    expect(
      planAction(door, view('closed', { broken: true }), 'lock', manager, { keyNo: 'K1' }),
    ).toEqual({ ok: false, refusal: { code: 'cases.guard', reason: 'door.broken' } })
  })

  it('a target state may depend on the case; effects are data', () => {
    expect(planAction(door, view('locked', { alarm: true }), 'unlock', manager, {})).toMatchObject({
      ok: true,
      to: 'open',
    })
    expect(planAction(door, view('open'), 'close', staff, { gently: false })).toMatchObject({
      ok: true,
      from: 'open',
      to: 'closed',
      effects: [{ kind: 'notify', to: { role: 'supervisor' }, template: 'door.slammed' }],
    })
  })

  it('available actions follow the state and the caller’s permissions', () => {
    expect(availableActions(door, view('closed'), staff).map((a) => a.name)).toEqual(['open'])
    expect(availableActions(door, view('closed'), manager).map((a) => a.name)).toEqual([
      'open',
      'lock',
      'scrap',
    ])
    expect(availableActions(door, view('scrapped'), manager)).toEqual([])
    expect(
      availableActions(door, view('open'), manager).find((a) => a.name === 'scrap')?.reasonRequired,
    ).toBe(true)
  })
})
