// 二次装修 (§2.5), offices: application form (H-FO-1) → agreement and fit-out rules signed by the
// customer (H-FO-2) → deposit and debris-removal fee confirmed by finance from the ledger (H-FO-3) →
// drawings submitted (H-FO-4) → only the engineering supervisor approves, or rejects with the
// changes required; documents come back to customer service and a rejection goes back to the
// customer, who resubmits — every round kept (H-FO-5…7) → schedule and roster (H-FO-8) → security
// issues one pass per worker and explains the rules (H-FO-9) → works: patrols with findings,
// rectification notices with a deadline, a stop-work order that suspends the passes (H-FO-10) →
// the customer applies for acceptance (H-FO-11) → customer service calls the department heads
// (H-FO-12) → each head passes or fails with a rectification list and signs; a fail loops back
// (H-FO-13) → damage repaired by the customer or priced and deducted from the deposit by finance
// (H-FO-14) → a clean re-inspection schedules the refund three months later; on that day it
// appears in finance's queue, finance refunds the balance, passes are collected, closed (H-FO-15).
import { Type } from 'typebox'
import { action, defineWorkflow, type CaseView, type Effect } from '../cases/workflow'
import {
  cancel,
  Department,
  escalate,
  Note,
  onlyDepartment,
  Signature,
} from '../cases/common-actions'

const states = [
  'applied',
  'agreement_signed',
  'fees_paid',
  'in_review',
  'returned',
  'approved',
  'roster_submitted',
  'in_works',
  'stopped',
  'acceptance_applied',
  'inspecting',
  'rectifying',
  'accepted',
  'refunded',
  'closed',
  'cancelled',
] as const
type State = (typeof states)[number]
const open = states.filter((s) => s !== 'closed' && s !== 'cancelled')

const DateString = Type.String({ format: 'date' })
const Id = Type.String({ format: 'uuid' })
const Line = Type.String({ minLength: 2, maxLength: 500 })
const Lines = Type.Array(Line, { minItems: 1, maxItems: 50 })
const Name = Type.String({ minLength: 1, maxLength: 100 })
const Phone = Type.String({ pattern: '^[0-9+\\- ]{7,20}$' })
/** A resident identity card number: 17 digits and a check character. */
const IdNumber = Type.String({ pattern: '^[0-9]{17}[0-9Xx]$' })

export const scopeItems = [
  'partitions',
  'ceilings',
  'floors',
  'electrical',
  'plumbing',
  'air_conditioning',
  'fire_system',
] as const

/** H-FO-1: the fit-out application form (装修申请表). */
export const FitOutData = Type.Object(
  {
    contractor: Type.Object(
      {
        name: Type.String({ minLength: 2, maxLength: 100 }),
        licenceNumber: Type.String({ minLength: 4, maxLength: 50 }),
        siteLead: Name,
        siteLeadPhone: Phone,
      },
      { additionalProperties: false },
    ),
    scope: Type.Array(Type.Enum(scopeItems), { minItems: 1, maxItems: scopeItems.length }),
    scopeDetails: Type.Optional(Type.String({ maxLength: 2000 })),
    startDate: DateString,
    endDate: DateString,
    workerCount: Type.Integer({ minimum: 1, maximum: 500 }),
  },
  { additionalProperties: false },
)

type Round = {
  n: number
  attachmentIds: string[]
  note?: string
  submittedOn: string
  decision?: 'approved' | 'rejected'
  changes?: string[]
  reviewNote?: string
  reviewedOn?: string
  reviewedBy?: string
}
type Rectification = {
  n: number
  items: string[]
  dueOn: string
  issuedOn: string
  status: 'open' | 'done'
  doneOn?: string
  /** The department that issued it: it (or the desk) confirms the rectification. */
  issuedBy?: string | null
}
type Damage = {
  n: number
  round: number
  department: string
  item: string
  location: string
  cost: number
  resolution: 'customer_repairs' | 'deposit'
  photoId?: string
  deducted?: boolean
}
type InspectionResult = {
  result: 'pass' | 'fail'
  rectifications: string[]
  by: string
  on: string
  note?: string
}
type AcceptanceRound = {
  n: number
  departments: string[]
  inspectOn: string
  results: Record<string, InspectionResult>
}

const list = <T>(data: Record<string, unknown>, key: string) =>
  Array.isArray(data[key]) ? (data[key] as T[]) : []
const rounds = (v: CaseView) => list<Round>(v.data, 'rounds')
const rectifications = (v: CaseView) => list<Rectification>(v.data, 'rectifications')
const openRectifications = (v: CaseView) => rectifications(v).filter((r) => r.status === 'open')
const damages = (v: CaseView) => list<Damage>(v.data, 'damages')
const pendingDeductions = (v: CaseView) =>
  damages(v).filter((d) => d.resolution === 'deposit' && !d.deducted && d.cost > 0)
const acceptance = (v: CaseView) => list<AcceptanceRound>(v.data, 'acceptance')
const currentAcceptance = (v: CaseView) => acceptance(v).at(-1)
const today = (v: CaseView) => v.today ?? ''
const byName = (v: CaseView) => v.caller?.name ?? ''

/**
 * The earliest open notice's day is the one deadline the notices share. It moves only when that day
 * changes, and never onto a moment already past: a notice that is overdue stays so (its deadline
 * carries the escalation) while further notices are issued and done.
 */
const rectifyDeadline = (v: CaseView, open: Rectification[]): Effect[] => {
  const earliest = (list: Rectification[]) => list.map((r) => r.dueOn).sort()[0]
  const first = earliest(open)
  if (!first) return [{ kind: 'stop_deadline', name: 'rectify' }]
  const dueAt = `${first}T18:00:00+08:00`
  const past = v.now !== undefined && Date.parse(dueAt) <= Date.parse(v.now)
  if (first === earliest(openRectifications(v)) || past) return []
  return [{ kind: 'start_deadline', name: 'rectify', dueAt }]
}

/** Files a step names must be the case's own. */
const unknownFiles = (v: CaseView, ids: readonly (string | undefined)[]) => {
  const known = new Set(v.facts?.attachmentIds ?? [])
  return ids.some((id) => id !== undefined && !known.has(id)) ? 'fit_out.attachment_unknown' : null
}

const financeOnly = onlyDepartment('finance', 'fit_out.finance_only')

/** The day's 18:00 in Shanghai (the deadline of a notice or an inspection) has already passed. */
const dayOver = (v: CaseView, date: string) =>
  v.now !== undefined && Date.parse(`${date}T18:00:00+08:00`) <= Date.parse(v.now)

/** Steps of the desk or one named department (the manager and admin may act for them). */
const deskOr = (department: string, refusal: string) => {
  const desk = onlyDepartment('customer_service', refusal)
  const other = onlyDepartment(department, refusal)
  return (v: CaseView) => (desk(v) === null || other(v) === null ? null : refusal)
}

/** H-FO-5: the engineering supervisor (工程部主管) and nobody else decides on the drawings. */
const engineeringSupervisor = (v: CaseView) =>
  v.caller?.department === 'engineering' && v.caller.roleCode === 'department_head'
    ? null
    : 'fit_out.engineering_supervisor_only'

/** The department a caller inspects for: heads of their department; the desk's supervisor. */
const headOf = (v: CaseView): string | null => {
  const c = v.caller
  if (!c?.department) return null
  if (c.roleCode === 'department_head') return c.department
  if (c.roleCode === 'supervisor' && c.department === 'customer_service') return c.department
  return null
}

const Worker = Type.Object(
  {
    name: Name,
    idNumber: IdNumber,
    role: Type.String({ minLength: 1, maxLength: 50 }),
    phone: Phone,
  },
  { additionalProperties: false },
)
const InspectionDamage = Type.Object(
  {
    item: Type.String({ minLength: 1, maxLength: 100 }),
    location: Type.String({ minLength: 1, maxLength: 100 }),
    /** Market price of the repair, fen. */
    cost: Type.Integer({ minimum: 0, maximum: 100_000_000 }),
    resolution: Type.Enum(['customer_repairs', 'deposit']),
    photoId: Type.Optional(Id),
  },
  { additionalProperties: false },
)
const Finding = Type.Object(
  {
    description: Line,
    location: Type.String({ minLength: 1, maxLength: 100 }),
    severity: Type.Enum(['minor', 'violation', 'serious']),
    /** The department whose head hears of it (H-FO-10). */
    department: Department,
    photoId: Type.Optional(Id),
  },
  { additionalProperties: false },
)

export const fitOutWorkflow = defineWorkflow({
  type: 'fit_out',
  states,
  initial: 'applied',
  final: ['closed', 'cancelled'],
  create: {
    data: FitOutData,
    requires: ['unitId', 'customerId'],
    unitKinds: ['office'],
    check: (data, day) =>
      String(data['endDate']) < String(data['startDate'])
        ? 'fit_out.dates_order'
        : String(data['startDate']) < day
          ? 'fit_out.start_past'
          : null,
    defaults: () => ({ department: 'customer_service' }),
    effects: () => [{ kind: 'start_deadline', name: 'respond' }],
  },
  actions: {
    // H-FO-2: the customer signs the management agreement and the fit-out rules; the fees are next,
    // finance's step, so the case waits in finance's queue.
    sign_agreement: action({
      from: ['applied'],
      to: 'agreement_signed',
      permission: 'case.sign',
      input: Type.Object({ rulesAccepted: Type.Literal(true), ...Signature }),
      signOff: true,
      visibleToCustomer: true,
      update: () => ({ department: 'finance' }),
      effects: () => [
        { kind: 'stop_deadline', name: 'respond' },
        { kind: 'notify', to: { department: 'finance' }, template: 'fit_out.fees_due' },
      ],
    }),
    // H-FO-3: finance confirms from the ledger — a deposit taken for this case and the debris-removal
    // fee posted and paid, nothing of the case's charges still open.
    confirm_fees: action({
      from: ['agreement_signed'],
      to: 'fees_paid',
      permission: 'case.work',
      input: Type.Object({ note: Type.Optional(Note) }),
      allowed: onlyDepartment('finance', 'fit_out.finance_only'),
      guard: (v) => {
        const money = v.facts?.caseMoney
        // The fit-out deposit itself: a pass-card deposit named on the case is not it.
        const held = (money?.deposits ?? []).filter((d) => d.type === 'fit_out')
        if (!money || held.reduce((s, d) => s + d.balance, 0) <= 0) return 'fit_out.deposit_missing'
        const debris = money.charges.find((c) => c.code === 'debris_removal')
        if (!debris) return 'fit_out.debris_fee_missing'
        return money.charges.some((c) => c.open > 0) ? 'fit_out.fees_open' : null
      },
      signOff: true,
      visibleToCustomer: true,
      update: () => ({ department: 'customer_service' }),
      effects: () => [
        { kind: 'notify', to: { customer: true, creator: true }, template: 'fit_out.fees_paid' },
      ],
    }),
    // H-FO-4, H-FO-7: the drawings go to the engineering supervisor; after a rejection the customer
    // resubmits — a new round, the earlier ones kept.
    submit_drawings: action({
      from: ['fees_paid', 'returned'],
      to: 'in_review',
      permission: 'case.sign',
      input: Type.Object({
        attachmentIds: Type.Array(Id, { minItems: 1, maxItems: 50, uniqueItems: true }),
        note: Type.Optional(Note),
      }),
      guard: (v, i) => unknownFiles(v, i.attachmentIds),
      visibleToCustomer: true,
      update: (v, i) => ({
        department: 'engineering',
        data: {
          rounds: [
            ...rounds(v),
            {
              n: rounds(v).length + 1,
              attachmentIds: i.attachmentIds,
              ...(i.note ? { note: i.note } : {}),
              submittedOn: today(v),
            },
          ],
        },
      }),
      effects: () => [
        { kind: 'start_deadline', name: 'resolve' },
        {
          kind: 'notify',
          to: { department: 'engineering', role: 'department_head' },
          template: 'fit_out.drawings_submitted',
        },
      ],
    }),
    // H-FO-5, H-FO-6: approved by the engineering supervisor, signed; the documents go back to the desk.
    approve_drawings: action({
      from: ['in_review'],
      to: 'approved',
      permission: 'case.review',
      input: Type.Object({ note: Type.Optional(Note) }),
      allowed: engineeringSupervisor,
      signOff: true,
      visibleToCustomer: true,
      update: (v, i) => ({
        department: 'customer_service',
        data: { rounds: decide(v, { decision: 'approved', reviewNote: i.note }) },
      }),
      effects: () => [
        { kind: 'stop_deadline', name: 'resolve' },
        {
          kind: 'notify',
          to: { department: 'customer_service', customer: true },
          template: 'fit_out.drawings_approved',
        },
      ],
    }),
    // H-FO-7: a rejection lists the changes required and goes back to the customer.
    reject_drawings: action({
      from: ['in_review'],
      to: 'returned',
      permission: 'case.review',
      input: Type.Object({ changes: Lines, note: Type.Optional(Note) }),
      allowed: engineeringSupervisor,
      signOff: true,
      visibleToCustomer: true,
      update: (v, i) => ({
        department: 'customer_service',
        data: {
          rounds: decide(v, { decision: 'rejected', changes: i.changes, reviewNote: i.note }),
        },
      }),
      effects: () => [
        { kind: 'stop_deadline', name: 'resolve' },
        {
          kind: 'notify',
          to: { department: 'customer_service', customer: true },
          template: 'fit_out.drawings_rejected',
        },
      ],
    }),
    // H-FO-8: the works schedule and the roster of workers, before any pass. Workers may be added
    // later; security then issues their passes.
    submit_roster: action({
      from: ['approved', 'roster_submitted', 'in_works', 'stopped', 'rectifying'],
      to: (v) => (v.state === 'approved' ? 'roster_submitted' : (v.state as State)),
      permission: 'case.sign',
      input: Type.Object({
        startDate: DateString,
        endDate: DateString,
        dailyHours: Type.String({
          pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$',
        }),
        workers: Type.Array(Worker, { minItems: 1, maxItems: 500 }),
        note: Type.Optional(Note),
      }),
      guard: (_, i) => {
        if (i.endDate < i.startDate) return 'fit_out.dates_order'
        const ids = new Set(i.workers.map((w) => w.idNumber.toUpperCase()))
        return ids.size < i.workers.length ? 'fit_out.worker_twice' : null
      },
      visibleToCustomer: true,
      update: (v, i) => ({
        ...(v.state === 'approved' ? { department: 'security' as const } : {}),
        data: {
          schedule: { startDate: i.startDate, endDate: i.endDate, dailyHours: i.dailyHours },
          roster: i.workers.map((w) => ({ ...w, idNumber: w.idNumber.toUpperCase() })),
        },
      }),
      effects: () => [
        {
          kind: 'notify',
          to: { department: 'security', role: 'department_head' },
          template: 'fit_out.roster_submitted',
        },
      ],
    }),
    // H-FO-9: security issues one pass per rostered worker (those without a live one), with its
    // validity, and records that the rules were explained. The permit for the door follows.
    issue_passes: action({
      from: ['roster_submitted', 'in_works', 'rectifying'],
      to: (v) => (v.state === 'rectifying' ? 'rectifying' : 'in_works'),
      permission: 'case.work',
      input: Type.Object({
        validFrom: DateString,
        validTo: DateString,
        rulesExplained: Type.Literal(true),
        note: Type.Optional(Note),
      }),
      allowed: onlyDepartment('security', 'fit_out.security_only'),
      guard: (v, i) => {
        if (i.validTo < i.validFrom) return 'fit_out.dates_order'
        if (i.validTo < today(v)) return 'fit_out.pass_expired'
        const schedule = v.data['schedule'] as { endDate?: string } | undefined
        return schedule?.endDate && i.validTo > schedule.endDate
          ? 'fit_out.pass_beyond_schedule'
          : null
      },
      signOff: true,
      visibleToCustomer: true,
      update: (v) => ({
        department: 'customer_service',
        data: { rulesExplainedOn: today(v), permitIssuedOn: v.data['permitIssuedOn'] ?? today(v) },
      }),
      effects: (_, i) => [
        { kind: 'issue_passes', validFrom: i.validFrom, validTo: i.validTo },
        { kind: 'notify', to: { customer: true }, template: 'fit_out.passes_issued' },
      ],
    }),
    revoke_pass: action({
      from: ['in_works', 'stopped', 'acceptance_applied', 'inspecting', 'rectifying'],
      to: (v) => v.state as State,
      permission: 'case.work',
      input: Type.Object({ passId: Id, reason: Line }),
      allowed: onlyDepartment('security', 'fit_out.security_only'),
      effects: (_, i) => [{ kind: 'revoke_pass', passId: i.passId, reason: i.reason }],
    }),
    // H-FO-10: a patrol by customer service or a department: findings with photos; each goes to the
    // head of its department and is explained to the customer.
    record_patrol: action({
      from: ['in_works', 'stopped'],
      to: (v) => v.state as State,
      permission: 'case.work',
      input: Type.Object({
        area: Type.Optional(Type.String({ maxLength: 100 })),
        findings: Type.Array(Finding, { maxItems: 50 }),
        explainedTo: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
        note: Type.Optional(Note),
      }),
      guard: (v, i) =>
        i.findings.length > 0 && !i.explainedTo
          ? 'fit_out.finding_not_explained'
          : unknownFiles(
              v,
              i.findings.map((f) => f.photoId),
            ),
      update: (v, i) => ({
        data: {
          patrols: [
            ...list<Record<string, unknown>>(v.data, 'patrols'),
            {
              n: list(v.data, 'patrols').length + 1,
              at: v.now,
              by: byName(v),
              department: v.caller?.department ?? null,
              ...(i.area ? { area: i.area } : {}),
              findings: i.findings,
              ...(i.explainedTo ? { explainedTo: i.explainedTo } : {}),
              ...(i.note ? { note: i.note } : {}),
            },
          ],
        },
      }),
      effects: (_, i) => [
        ...[...new Set(i.findings.map((f) => f.department))].map((department): Effect => ({
          kind: 'notify',
          to: { department, role: 'department_head' },
          template: 'fit_out.finding',
          urgent: i.findings.some((f) => f.department === department && f.severity === 'serious'),
        })),
        ...(i.findings.length > 0
          ? [
              {
                kind: 'notify',
                to: { customer: true },
                template: 'fit_out.finding_explained',
              } as Effect,
            ]
          : []),
      ],
    }),
    // H-FO-10: a violation gets a rectification notice with a deadline; the deadline escalates.
    issue_rectification: action({
      from: ['in_works', 'stopped'],
      to: (v) => v.state as State,
      permission: 'case.work',
      input: Type.Object({ items: Lines, dueOn: DateString }),
      guard: (v, i) => (i.dueOn < today(v) || dayOver(v, i.dueOn) ? 'fit_out.due_past' : null),
      visibleToCustomer: true,
      update: (v, i) => ({
        data: {
          rectifications: [
            ...rectifications(v),
            {
              n: rectifications(v).length + 1,
              items: i.items,
              dueOn: i.dueOn,
              issuedOn: today(v),
              issuedBy: v.caller?.department ?? null,
              status: 'open',
            },
          ],
        },
      }),
      effects: (v, i) => [
        ...rectifyDeadline(v, [
          ...openRectifications(v),
          { n: 0, items: i.items, dueOn: i.dueOn, issuedOn: today(v), status: 'open' },
        ]),
        { kind: 'notify', to: { customer: true }, template: 'fit_out.rectification', urgent: true },
      ],
    }),
    confirm_rectified: action({
      from: ['in_works', 'stopped', 'rectifying'],
      to: (v) => v.state as State,
      permission: 'case.work',
      input: Type.Object({
        n: Type.Integer({ minimum: 1, maximum: 1000 }),
        note: Type.Optional(Note),
      }),
      // The desk or the department that issued the notice confirms it (not any department).
      guard: (v, i) => {
        const notice = openRectifications(v).find((r) => r.n === i.n)
        if (!notice) return 'fit_out.rectification_unknown'
        return deskOr(notice.issuedBy ?? 'customer_service', 'fit_out.not_issuer')(v)
      },
      visibleToCustomer: true,
      update: (v, i) => ({
        data: {
          rectifications: rectifications(v).map((r) =>
            r.n === i.n ? { ...r, status: 'done', doneOn: today(v) } : r,
          ),
        },
      }),
      effects: (v, i) =>
        rectifyDeadline(
          v,
          openRectifications(v).filter((r) => r.n !== i.n),
        ),
    }),
    // H-FO-10 [P]: a serious violation stops the works; every live pass is suspended.
    stop_work: action({
      from: ['in_works'],
      to: 'stopped',
      permission: 'case.exception',
      input: Type.Object({ reason: Line }),
      visibleToCustomer: true,
      update: (v, i) => ({ data: { stoppedOn: today(v), stopReason: i.reason } }),
      effects: () => [
        { kind: 'suspend_passes' },
        { kind: 'notify', to: { customer: true }, template: 'fit_out.work_stopped', urgent: true },
        {
          kind: 'notify',
          to: { department: 'security', role: 'department_head' },
          template: 'fit_out.work_stopped',
        },
      ],
    }),
    resume_work: action({
      from: ['stopped'],
      to: 'in_works',
      permission: 'case.exception',
      input: Type.Object({ note: Type.Optional(Note) }),
      guard: (v) => (openRectifications(v).length > 0 ? 'fit_out.rectification_open' : null),
      visibleToCustomer: true,
      update: () => ({ data: { stoppedOn: null, stopReason: null } }),
      effects: () => [
        { kind: 'reinstate_passes' },
        { kind: 'notify', to: { customer: true }, template: 'fit_out.work_resumed' },
      ],
    }),
    // H-FO-11: after the works (or the rectification a failed acceptance asked for) the customer
    // applies for acceptance.
    apply_acceptance: action({
      from: ['in_works', 'rectifying'],
      to: 'acceptance_applied',
      permission: 'case.sign',
      input: Type.Object({ completedOn: DateString, note: Type.Optional(Note) }),
      guard: (v, i) =>
        i.completedOn > today(v)
          ? 'fit_out.completed_future'
          : openRectifications(v).length > 0
            ? 'fit_out.rectification_open'
            : null,
      visibleToCustomer: true,
      // Priced damage of an earlier round still waits in finance's queue for its deduction.
      update: (v, i) => ({
        department: pendingDeductions(v).length > 0 ? 'finance' : 'customer_service',
        data: { completedOn: i.completedOn },
      }),
      effects: () => [
        {
          kind: 'notify',
          to: { department: 'customer_service' },
          template: 'fit_out.acceptance_applied',
        },
      ],
    }),
    // H-FO-12: customer service calls the department heads; engineering always inspects. Each head
    // gets an inspection slip due on the day.
    call_inspection: action({
      from: ['acceptance_applied'],
      to: 'inspecting',
      permission: 'case.work',
      input: Type.Object({
        // Departments with a head who inspects and signs (finance prices nothing on site).
        departments: Type.Array(
          Type.Enum(['engineering', 'security', 'cleaning', 'customer_service']),
          { minItems: 1, maxItems: 4, uniqueItems: true },
        ),
        inspectOn: DateString,
      }),
      allowed: onlyDepartment('customer_service', 'fit_out.customer_service_only'),
      guard: (v, i) => {
        if (!i.departments.includes('engineering')) return 'fit_out.engineering_inspects'
        // H-FO-13: whoever failed the last round inspects again: a fail is cleared by its head.
        const last = currentAcceptance(v)
        const failed = Object.entries(last?.results ?? {})
          .filter(([, r]) => r.result === 'fail')
          .map(([d]) => d)
        if (failed.some((d) => !(i.departments as string[]).includes(d)))
          return 'fit_out.failed_department_missing'
        return i.inspectOn < today(v) || dayOver(v, i.inspectOn) ? 'fit_out.due_past' : null
      },
      visibleToCustomer: true,
      update: (v, i) => ({
        data: {
          acceptance: [
            ...acceptance(v),
            {
              n: acceptance(v).length + 1,
              departments: i.departments,
              inspectOn: i.inspectOn,
              results: {},
            },
          ],
        },
      }),
      effects: (_, i) =>
        i.departments.map((department): Effect => ({
          kind: 'raise_case',
          type: 'liaison',
          title: `${i.inspectOn} 装修验收：请部门负责人到场验收并签字`,
          description: '按装修申请与审批图纸到场验收：合格签字；不合格列出整改项并签字。',
          department,
          dueAt: `${i.inspectOn}T18:00:00+08:00`,
        })),
    }),
    // H-FO-13, H-FO-14: each called head passes or fails (with the rectification list) and signs,
    // listing damage the customer repairs or that is priced and taken from the deposit. When every
    // head has signed: a fail loops back to the customer; a clean round is the re-inspection that
    // schedules the refund (H-FO-15).
    inspect: action({
      from: ['inspecting'],
      to: (v, i) => {
        const round = currentAcceptance(v)
        const department = headOf(v)
        if (!round || !department) return 'inspecting'
        const results = { ...round.results, [department]: { result: i.result } }
        if (!round.departments.every((d) => results[d])) return 'inspecting'
        return Object.values(results).some((r) => r.result === 'fail') ? 'rectifying' : 'accepted'
      },
      permission: 'case.review',
      input: Type.Object({
        result: Type.Enum(['pass', 'fail']),
        rectifications: Type.Optional(Type.Array(Line, { maxItems: 50 })),
        damages: Type.Optional(Type.Array(InspectionDamage, { maxItems: 50 })),
        note: Type.Optional(Note),
        ...Signature,
      }),
      allowed: (v) => {
        const department = headOf(v)
        const round = currentAcceptance(v)
        if (!department || !round?.departments.includes(department)) return 'fit_out.not_called'
        return round.results[department] ? 'fit_out.already_inspected' : null
      },
      guard: (v, i) =>
        i.result === 'fail' && !i.rectifications?.length
          ? 'fit_out.rectification_list_required'
          : unknownFiles(
              v,
              (i.damages ?? []).map((d) => d.photoId),
            ),
      signOff: true,
      visibleToCustomer: true,
      update: (v, i) => {
        const round = currentAcceptance(v) as AcceptanceRound
        const department = headOf(v) as string
        const done = { ...round.results, [department]: inspectionResult(v, i) }
        const all = acceptance(v).map((r) => (r.n === round.n ? { ...r, results: done } : r))
        const before = damages(v)
        const added = (i.damages ?? []).map((d, k) => ({
          ...d,
          n: before.length + k + 1,
          round: round.n,
          department,
        }))
        const pending = [...before, ...added].some(
          (d) => d.resolution === 'deposit' && !('deducted' in d && d.deducted) && d.cost > 0,
        )
        const complete = round.departments.every((d) => done[d])
        return {
          // Priced damage waits in finance's queue for the deduction (H-FO-14).
          ...(complete ? { department: pending ? 'finance' : 'customer_service' } : {}),
          data: { acceptance: all, damages: [...before, ...added] },
        }
      },
      effects: (v, i) => {
        const round = currentAcceptance(v) as AcceptanceRound
        const department = headOf(v) as string
        const results = { ...round.results, [department]: { result: i.result } }
        // The department's inspection slip is done: the head signed here.
        const slip: Effect = {
          kind: 'complete_slips',
          department,
          feedback:
            i.result === 'pass'
              ? '已到场验收并签字：合格'
              : `已到场验收并签字：不合格，整改 ${i.rectifications?.length ?? 0} 项`,
        }
        if (!round.departments.every((d) => results[d])) return [slip]
        const failed = Object.values(results).some((r) => r.result === 'fail')
        const priced = [...pendingDeductions(v), ...(i.damages ?? [])].some(
          (d) => d.resolution === 'deposit' && d.cost > 0,
        )
        return [
          slip,
          ...(failed
            ? [
                {
                  kind: 'notify',
                  to: { customer: true },
                  template: 'fit_out.acceptance_failed',
                } as Effect,
              ]
            : [
                { kind: 'schedule_refund', reinspectedOn: today(v) } as Effect,
                { kind: 'notify', to: { customer: true }, template: 'fit_out.accepted' } as Effect,
              ]),
          {
            kind: 'notify',
            to: { department: 'customer_service' },
            template: 'fit_out.inspection_done',
          },
          ...(priced
            ? [
                {
                  kind: 'notify',
                  to: { department: 'finance' },
                  template: 'fit_out.deduction_due',
                } as Effect,
              ]
            : []),
        ]
      },
    }),
    // H-FO-14: finance takes the priced damage from the case's deposit; what the deposit cannot
    // cover is billed as compensation. Only finance moves money.
    deduct_damages: action({
      from: ['inspecting', 'rectifying', 'acceptance_applied', 'accepted'],
      to: (v) => v.state as State,
      permission: 'case.work',
      input: Type.Object({ note: Type.Optional(Note) }),
      // Offered only while priced damage waits: the button is not there when nothing is.
      allowed: (v) =>
        financeOnly(v) ?? (pendingDeductions(v).length === 0 ? 'fit_out.nothing_to_deduct' : null),
      guard: (v) => (!depositOf(v) ? 'fit_out.deposit_missing' : null),
      signOff: true,
      visibleToCustomer: true,
      update: (v) => ({
        // Back to the desk, unless heads are still inspecting (their slips are out).
        ...(v.state === 'inspecting' ? {} : { department: 'customer_service' }),
        data: {
          damages: damages(v).map((d) =>
            d.resolution === 'deposit' && d.cost > 0 ? { ...d, deducted: true } : d,
          ),
        },
      }),
      effects: (v) => {
        const lines = pendingDeductions(v)
        const total = lines.reduce((sum, d) => sum + d.cost, 0)
        const reason =
          `装修验收损坏：${lines.map((d) => `${d.location} ${d.item}`).join('、')}`.slice(0, 200)
        // From every fit-out deposit held for the case, the fullest first; only what they cannot
        // cover is billed (money left on a deposit would otherwise be refunded while billed).
        const effects: Effect[] = []
        let left = total
        for (const deposit of fitOutDeposits(v)) {
          const amount = Math.min(left, deposit.balance)
          if (amount <= 0) continue
          effects.push({ kind: 'deduct_deposit', depositId: deposit.id, amount, reason })
          left -= amount
        }
        if (left > 0)
          effects.push({
            kind: 'post_charge',
            chargeKind: 'compensation',
            amount: left,
            description: `${reason}（押金不足部分）`.slice(0, 200),
          })
        return [
          ...effects,
          { kind: 'notify', to: { customer: true }, template: 'fit_out.deducted' },
        ]
      },
    }),
    // H-FO-15: on the due day finance refunds what is left of the deposit (the scheduled step put
    // the case in finance's queue). Not before, and not with a deduction still pending.
    refund_deposit: action({
      from: ['accepted'],
      to: 'refunded',
      permission: 'case.work',
      input: Type.Object({
        method: Type.Enum(['cash', 'bank_transfer', 'card', 'wechat_pay', 'alipay']),
        note: Type.Optional(Note),
      }),
      // Not offered before the day: the scheduled step sets refundDue on it (H-FO-15).
      allowed: (v) =>
        financeOnly(v) ?? (v.data['refundDue'] !== true ? 'fit_out.refund_not_due' : null),
      guard: (v) => (pendingDeductions(v).length > 0 ? 'fit_out.deductions_pending' : null),
      signOff: true,
      visibleToCustomer: true,
      update: (v) => ({ department: 'customer_service', data: { refundedOn: today(v) } }),
      effects: (_, i) => [
        { kind: 'refund_deposits', method: i.method },
        { kind: 'notify', to: { customer: true }, template: 'fit_out.refunded' },
      ],
    }),
    // H-FO-15: the passes come back at the end.
    collect_passes: action({
      // After the clean acceptance (a failed one sends the workers back to rectify), by security
      // or the desk.
      from: ['accepted', 'refunded'],
      to: (v) => v.state as State,
      permission: 'case.work',
      input: Type.Object({ note: Type.Optional(Note) }),
      allowed: (v) =>
        deskOr('security', 'fit_out.security_only')(v) ??
        (v.data['passesCollected'] ? 'fit_out.passes_collected' : null),
      update: (v) => ({ data: { passesCollected: true, passesCollectedOn: today(v) } }),
      effects: () => [{ kind: 'collect_passes' }],
    }),
    close: action({
      from: ['refunded'],
      to: 'closed',
      permission: 'case.close',
      input: Type.Object({ note: Type.Optional(Note) }),
      guard: (v) => (v.data['passesCollected'] ? null : 'fit_out.passes_out'),
      visibleToCustomer: true,
    }),
    escalate: escalate<State>(open),
    // Before any money is taken: afterwards the deposit has to come back through the steps.
    cancel: {
      ...cancel<State>(['applied', 'agreement_signed'], 'cancelled'),
      guard: (v) =>
        (v.facts?.caseMoney?.held ?? 0) > 0 || (v.facts?.caseMoney?.charges.length ?? 0) > 0
          ? 'fit_out.money_taken'
          : null,
    },
  },
  facts: ['caseMoney', 'attachmentIds'],
  // H-FO-15: on the refund's due day the case appears in finance's queue — and not before.
  onDue: {
    refund: () => ({
      action: 'refund_due',
      patch: { department: 'finance', data: { refundDue: true } },
      effects: [{ kind: 'notify', to: { department: 'finance' }, template: 'fit_out.refund_due' }],
    }),
  },
})

function decide(v: CaseView, decision: Partial<Round>): Round[] {
  const all = rounds(v)
  return all.map((r, k) =>
    k === all.length - 1
      ? {
          ...r,
          ...Object.fromEntries(Object.entries(decision).filter(([, x]) => x !== undefined)),
          reviewedOn: today(v),
          reviewedBy: byName(v),
        }
      : r,
  )
}

function inspectionResult(
  v: CaseView,
  i: { result: 'pass' | 'fail'; rectifications?: string[]; note?: string },
): InspectionResult {
  return {
    result: i.result,
    rectifications: i.result === 'fail' ? (i.rectifications ?? []) : [],
    by: byName(v),
    on: today(v),
    ...(i.note ? { note: i.note } : {}),
  }
}

/** The case's fit-out deposits, the fullest first. */
function fitOutDeposits(v: CaseView) {
  const held = (v.facts?.caseMoney?.deposits ?? []).filter((d) => d.type === 'fit_out')
  return held.sort((a, b) => b.balance - a.balance)
}
const depositOf = (v: CaseView) => fitOutDeposits(v)[0]
