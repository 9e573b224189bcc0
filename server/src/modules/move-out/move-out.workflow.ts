// 客户迁出 (§2.4): request (H-MO-1) → date confirmed (H-MO-2) → liaison slips to the departments
// (H-MO-4) → for an office, engineering inspects the unit and lists damage with costs (H-MO-5) →
// keys, cards and passes returned, counted against what was issued → settlement: every fee paid,
// deposits refunded or deducted, refused while any balance is open (H-MO-3, H-MO-6) → goods release
// slip for security → moved out: the occupancy ends and the unit is vacant (H-MO-7).
import { Type } from 'typebox'
import { action, defineWorkflow, type CaseView, type Effect } from '../cases/workflow'
import {
  arrangeMovingHelp,
  cancel,
  escalate,
  Note,
  onlyDepartment,
  Reason,
} from '../cases/common-actions'

const states = [
  'requested',
  'confirmed',
  'departments_notified',
  'inspected',
  'keys_returned',
  'settled',
  'moved_out',
  'cancelled',
] as const
type State = (typeof states)[number]
const open: State[] = [
  'requested',
  'confirmed',
  'departments_notified',
  'inspected',
  'keys_returned',
  'settled',
]
const DateString = Type.String({ format: 'date' })
const Count = Type.Integer({ minimum: 0, maximum: 999 })
const Id = Type.String({ format: 'uuid' })

export const MoveOutData = Type.Object(
  { moveOutDate: DateString, reason: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
)

const Damage = Type.Object(
  {
    item: Type.String({ minLength: 1, maxLength: 100 }),
    location: Type.String({ minLength: 1, maxLength: 100 }),
    /** Market price of the repair, fen. */
    cost: Type.Integer({ minimum: 0, maximum: 100_000_000 }),
    /** The customer repairs it, or pays: a charge, or a deduction from a deposit. */
    resolution: Type.Enum(['customer_repairs', 'charge', 'deposit']),
    depositId: Type.Optional(Id),
    photoId: Type.Optional(Id),
  },
  { additionalProperties: false },
)
type DamageLine = {
  item: string
  location: string
  cost: number
  resolution: 'customer_repairs' | 'charge' | 'deposit'
  depositId?: string
}

const departments = [
  ['engineering', '迁出当日验收单元，核对水电表读数'],
  ['security', '核对放行条，收回出入证件'],
  ['cleaning', '迁出后清洁公共区域'],
  ['finance', '核算应收费用与押金'],
] as const

const moveOutDate = (data: Record<string, unknown>) => String(data['moveOutDate'])

const HOUR = 3_600_000

/**
 * When the departments' slips fall due: 18:00 on the move-out day, or an hour from now when a
 * same-day move-out is notified after 18:00.
 */
export function slipsDue(v: CaseView): string {
  const onTheDay = `${moveOutDate(v.data)}T18:00:00+08:00`
  if (v.now === undefined) return onTheDay
  const now = Date.parse(v.now)
  return Date.parse(onTheDay) > now ? onTheDay : new Date(now + HOUR).toISOString()
}

/** H-MO-5: the damage lines become charges or deductions; those the customer repairs stay as lines. */
function damageEffects(damages: DamageLine[]): Effect[] {
  const effects: Effect[] = []
  const fromDeposit = new Map<string, { amount: number; items: string[] }>()
  damages.forEach((d, line) => {
    if (d.cost === 0) return
    if (d.resolution === 'charge')
      effects.push({
        kind: 'post_charge',
        chargeKind: 'compensation',
        amount: d.cost,
        description: `迁出验收损坏赔偿：${d.location} ${d.item}`,
        line,
      })
    if (d.resolution === 'deposit' && d.depositId) {
      const sum = fromDeposit.get(d.depositId) ?? { amount: 0, items: [] }
      sum.amount += d.cost
      sum.items.push(`${d.location} ${d.item}`)
      fromDeposit.set(d.depositId, sum)
    }
  })
  for (const [depositId, sum] of fromDeposit)
    effects.push({
      kind: 'deduct_deposit',
      depositId,
      amount: sum.amount,
      reason: `迁出验收损坏：${sum.items.join('、')}`.slice(0, 200),
    })
  return effects
}

const countedIn = (
  v: { facts?: { issued?: { keys: number; cards: number } | null } },
  i: { keys: number; cards: number },
) => v.facts?.issued && (i.keys < v.facts.issued.keys || i.cards < v.facts.issued.cards)

export const moveOutWorkflow = defineWorkflow({
  type: 'move_out',
  states,
  initial: 'requested',
  final: ['moved_out', 'cancelled'],
  create: {
    data: MoveOutData,
    requires: ['unitId', 'customerId'],
    defaults: () => ({ department: 'customer_service' }),
    effects: () => [{ kind: 'start_deadline', name: 'respond' }],
  },
  actions: {
    // H-MO-2: the date is confirmed with the customer before the departments are told.
    confirm_date: action({
      from: ['requested', 'confirmed'],
      to: 'confirmed',
      permission: 'case.work',
      input: Type.Object({ moveOutDate: DateString, note: Type.Optional(Note) }),
      guard: (v, i) => (v.today && i.moveOutDate < v.today ? 'move_out.date_past' : null),
      update: (_, i) => ({ data: { moveOutDate: i.moveOutDate } }),
      visibleToCustomer: true,
      effects: (v) =>
        v.state === 'requested'
          ? [
              { kind: 'stop_deadline', name: 'respond' },
              { kind: 'start_deadline', name: 'resolve' },
            ]
          : [],
    }),
    // H-MO-4: a liaison slip to each department, due on the day (at 18:00; asked for after that
    // on a same-day move-out, within the hour: a deadline is never set in the past).
    notify_departments: action({
      from: ['confirmed'],
      to: 'departments_notified',
      permission: 'case.work',
      input: Type.Object({ note: Type.Optional(Note) }),
      // An office waits in engineering's queue for its inspection (H-MO-5); an apartment stays at
      // the desk. A case moves to the next department's queue on the step before that
      // department's own, never on it (the department would lose sight of what it just did).
      update: (v) => (v.facts?.unitKind === 'office' ? { department: 'engineering' } : {}),
      effects: (v): Effect[] =>
        departments.map(([department, task]) => ({
          kind: 'raise_case',
          type: 'liaison',
          title: `${moveOutDate(v.data)} 客户迁出：${task}`.slice(0, 200),
          description: task,
          department,
          dueAt: slipsDue(v),
        })),
    }),
    // H-MO-5: an office is inspected by engineering on the day; damage is listed with its cost.
    inspect: action({
      from: ['departments_notified'],
      to: 'inspected',
      permission: 'case.work',
      input: Type.Object({
        damages: Type.Array(Damage, { maxItems: 100 }),
        note: Type.Optional(Note),
      }),
      allowed: onlyDepartment('engineering', 'move_out.engineering_only'),
      guard: (_, i) =>
        i.damages.some((d) => d.resolution === 'deposit' && !d.depositId)
          ? 'move_out.deposit_not_named'
          : null,
      signOff: true,
      visibleToCustomer: true,
      update: (_, i) => ({ data: { damages: i.damages, inspected: true } }),
      effects: (_, i) => damageEffects(i.damages as DamageLine[]),
    }),
    // An apartment has no move-out inspection (H-MO-5 is for offices).
    skip_inspection: action({
      from: ['departments_notified'],
      to: 'inspected',
      permission: 'case.work',
      input: Type.Object({ note: Type.Optional(Note) }),
      allowed: (v) => (v.facts?.unitKind === 'office' ? 'move_out.inspection_required' : null),
      update: () => ({ data: { inspected: false } }),
    }),
    // Keys, access cards and passes back, counted against the move-in handover.
    return_keys: action({
      from: ['inspected'],
      to: 'keys_returned',
      permission: 'case.work',
      input: Type.Object({ keys: Count, cards: Count, passes: Type.Optional(Count) }),
      guard: (v, i) => (countedIn(v, i) ? 'move_out.keys_missing' : null),
      // Settlement is finance's step: the case waits in its queue.
      update: (_, i) => ({ department: 'finance', data: { returned: i } }),
      visibleToCustomer: true,
    }),
    // H-IS-26: fewer keys than were issued only with a written explanation.
    return_keys_short: action({
      from: ['inspected'],
      to: 'keys_returned',
      permission: 'case.exception',
      input: Type.Object({
        keys: Count,
        cards: Count,
        passes: Type.Optional(Count),
        reason: Reason,
      }),
      reasonRequired: true,
      update: (_, i) => ({
        department: 'finance',
        data: { returned: { keys: i.keys, cards: i.cards, passes: i.passes } },
      }),
    }),
    // H-MO-3, H-MO-6: settled only when nothing is open, no credit is left and no deposit is held.
    settle: action({
      from: ['keys_returned'],
      to: 'settled',
      permission: 'case.work',
      input: Type.Object({ note: Type.Optional(Note) }),
      allowed: onlyDepartment('finance', 'move_out.finance_only'),
      guard: (v) =>
        !v.facts?.settlement
          ? 'move_out.balance_unknown'
          : v.facts.settlement.settled
            ? null
            : 'move_out.balance_open',
      signOff: true,
      visibleToCustomer: true,
    }),
    // H-MO-7: help the customer move out (moving company, trolleys, the goods lift).
    arrange_moving_help: arrangeMovingHelp<State>(open),
    // The goods release slip for security (§2.7), valid on the move-out day (or today, when the
    // account was settled after the day: a slip valid on a past day could never be used).
    issue_release: action({
      from: ['settled'],
      to: 'settled',
      permission: 'case.work',
      input: Type.Object({
        carrierName: Type.String({ minLength: 1, maxLength: 100 }),
        vehicle: Type.Optional(Type.String({ maxLength: 20 })),
        items: Type.Array(
          Type.Object(
            {
              name: Type.String({ minLength: 1, maxLength: 100 }),
              quantity: Type.Integer({ minimum: 1, maximum: 10_000 }),
            },
            { additionalProperties: false },
          ),
          { minItems: 1, maxItems: 100 },
        ),
      }),
      allowed: (v) => (v.data['releaseIssued'] ? 'move_out.release_issued' : null),
      update: () => ({ department: 'customer_service', data: { releaseIssued: true } }),
      effects: (v, i) => [
        {
          kind: 'raise_case',
          type: 'release',
          title: `迁出物品放行 ${moveOutDate(v.data)}`,
          description: i.items
            .map((x) => `${x.name}×${x.quantity}`)
            .join('，')
            .slice(0, 4000),
          department: 'security',
          data: {
            carrierName: i.carrierName,
            ...(i.vehicle ? { vehicle: i.vehicle } : {}),
            items: i.items,
            validOn: v.today && v.today > moveOutDate(v.data) ? v.today : moveOutDate(v.data),
            // The move-out itself is the owner's consent for an owner; a tenant's is recorded on the slip.
          },
        },
      ],
    }),
    // H-MO-7: moved out — the occupancy ends on the day and the unit is vacant.
    complete: action({
      from: ['settled'],
      to: 'moved_out',
      permission: 'case.work',
      input: Type.Object({ note: Type.Optional(Note) }),
      // Not before the day: the occupancy would end in the future while the unit showed vacant.
      guard: (v) =>
        v.today && v.today < moveOutDate(v.data) ? 'move_out.before_move_out_date' : null,
      visibleToCustomer: true,
      effects: (v) => [
        { kind: 'stop_deadline', name: 'resolve' },
        { kind: 'end_occupancy', toDate: moveOutDate(v.data) },
      ],
    }),
    escalate: escalate<State>(open),
    cancel: cancel<State>(['requested', 'confirmed', 'departments_notified'], 'cancelled'),
  },
  facts: ['settlement', 'unitKind', 'issued'],
})
