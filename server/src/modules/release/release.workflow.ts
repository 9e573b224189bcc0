// 物品放行 (§2.7): bulky goods leave only with a slip — unit, carrier, items, vehicle, valid date.
// A tenant's slip needs the owner's consent; security checks the goods at the gate against the slip
// and closes it. A slip is valid on its day only and used once.
import { Type } from 'typebox'
import { action, defineWorkflow } from '../cases/workflow'
import { onlyDepartment, cancel, Note, Reason } from '../cases/common-actions'

const states = ['issued', 'released', 'refused', 'cancelled'] as const
type State = (typeof states)[number]

export const ReleaseData = Type.Object(
  {
    carrierName: Type.String({ minLength: 1, maxLength: 100 }),
    /** Kept masked on screens; security checks the card, not the number. */
    carrierIdNumber: Type.Optional(Type.String({ pattern: '^[0-9Xx]{6,18}$' })),
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
    validOn: Type.String({ format: 'date' }),
  },
  { additionalProperties: false },
)

export const releaseWorkflow = defineWorkflow({
  type: 'release',
  states,
  initial: 'issued',
  final: ['released', 'refused', 'cancelled'],
  create: {
    data: ReleaseData,
    requires: ['unitId', 'customerId'],
    defaults: () => ({ department: 'security' }),
    effects: () => [{ kind: 'notify', to: { department: 'security' }, template: 'release.issued' }],
  },
  actions: {
    // A tenant's goods leave with the owner's consent, recorded by the desk.
    record_owner_consent: action({
      from: ['issued'],
      to: 'issued',
      permission: 'case.assign',
      input: Type.Object({
        ownerName: Type.String({ minLength: 1, maxLength: 100 }),
        method: Type.Enum(['in_person', 'phone', 'written']),
      }),
      allowed: (v) => (v.data['ownerConsent'] ? 'release.consent_recorded' : null),
      update: (_, i) => ({ data: { ownerConsent: { ownerName: i.ownerName, method: i.method } } }),
    }),
    // Security at the gate: the goods match the slip, on its day.
    check_out: action({
      from: ['issued'],
      to: 'released',
      permission: 'case.work',
      input: Type.Object({ note: Type.Optional(Note) }),
      allowed: onlyDepartment('security', 'release.security_only'),
      guard: (v) => {
        const validOn = String(v.data['validOn'])
        if (v.today && v.today > validOn) return 'release.expired'
        if (v.today && v.today < validOn) return 'release.not_yet_valid'
        if (v.facts?.occupancyRole !== 'owner' && !v.data['ownerConsent'])
          return 'release.owner_consent_missing'
        return null
      },
      signOff: true,
      visibleToCustomer: true,
    }),
    // The goods do not match the slip: stopped at the gate, with the reason.
    refuse: action({
      from: ['issued'],
      to: 'refused',
      permission: 'case.work',
      input: Type.Object({ reason: Reason }),
      reasonRequired: true,
      allowed: onlyDepartment('security', 'release.security_only'),
      visibleToCustomer: true,
    }),
    cancel: cancel<State>(['issued'], 'cancelled'),
  },
  facts: ['occupancyRole'],
})
