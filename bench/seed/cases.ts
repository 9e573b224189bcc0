// Cases with their timelines, deadlines and sign-offs: a year of a customer-service centre per
// building. Older cases are mostly closed; recent ones wait in every state, the late ones overdue.
import type pg from 'pg'
import { uuidv7 } from '../../server/src/db/schema/ids'
import { mobile, personName } from '../../server/src/demo/demo-names'
import { paths, resolvedDeadline, waitingDeadline, wallMinutes, type GenType } from './case-paths'
import { localDay, pad, type Building, type SeedContext, type Staff } from './spec'
import {
  complaintText,
  incidentText,
  inquiryText,
  liaisonText,
  pick,
  repairText,
  type CaseText,
} from './texts'
import { TableBatch, type Writer } from './writer'

const HOUR = 3600_000
const DAY = 24 * HOUR
const prefix: Record<GenType, string> = {
  complaint: 'TS',
  repair: 'BX',
  inquiry: 'ZX',
  incident: 'TF',
  liaison: 'LX',
}
/** The mix of a desk's year: mostly repairs and questions. */
const typeMix: [GenType, number][] = [
  ['repair', 0.4],
  ['inquiry', 0.3],
  ['complaint', 0.15],
  ['liaison', 0.1],
  ['incident', 0.05],
]
const departments = ['engineering', 'security', 'cleaning', 'customer_service'] as const
const deptPosts: Record<string, { head: string; staff: string }> = {
  customer_service: { head: 'supervisor', staff: 'agent2' },
  engineering: { head: 'eng.head', staff: 'eng.tech1' },
  security: { head: 'sec.head', staff: 'sec.guard' },
  cleaning: { head: 'clean.head', staff: 'clean.staff' },
  finance: { head: 'fin', staff: 'fin' },
}
const CHUNK = 5_000

function chooseType(r: number): GenType {
  let acc = 0
  for (const [type, share] of typeMix) {
    acc += share
    if (r < acc) return type
  }
  return 'repair'
}

function priorityOf(type: GenType, r: number) {
  if (type === 'incident') return 'urgent'
  if (type === 'repair') return r < 0.8 ? 'normal' : r < 0.95 ? 'urgent' : 'emergency'
  if (type === 'complaint') return r < 0.9 ? 'normal' : r < 0.98 ? 'urgent' : 'emergency'
  return 'normal'
}

export async function seedCases(
  pool: pg.Pool,
  writer: Writer,
  ctx: SeedContext,
  buildings: Building[],
  total: number,
) {
  const { orgId, now, rand } = ctx
  const t = (table: string, columns: [string, string][]) => new TableBatch(writer, table, columns)
  const cases = t('cases', [
    ['id', 'uuid'],
    ['org_id', 'uuid'],
    ['property_id', 'uuid'],
    ['type', 'text'],
    ['number', 'text'],
    ['state', 'text'],
    ['priority', 'text'],
    ['channel', 'text'],
    ['title', 'text'],
    ['description', 'text'],
    ['unit_id', 'uuid'],
    ['customer_id', 'uuid'],
    ['contact_name', 'text'],
    ['contact_phone', 'text'],
    ['department', 'text'],
    ['assignee_id', 'uuid'],
    ['data', 'jsonb'],
    ['overdue', 'boolean'],
    ['escalation_level', 'int'],
    ['created_by', 'uuid'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
    ['closed_at', 'timestamptz'],
    ['version', 'int'],
  ])
  const events = t('case_events', [
    ['org_id', 'uuid'],
    ['case_id', 'uuid'],
    ['at', 'timestamptz'],
    ['actor_id', 'uuid'],
    ['actor_name', 'text'],
    ['kind', 'text'],
    ['action', 'text'],
    ['from_state', 'text'],
    ['to_state', 'text'],
    ['reason', 'text'],
    ['visibility', 'text'],
    ['data', 'jsonb'],
  ])
  const deadlines = t('case_deadlines', [
    ['id', 'uuid'],
    ['org_id', 'uuid'],
    ['case_id', 'uuid'],
    ['name', 'text'],
    ['started_at', 'timestamptz'],
    ['due_at', 'timestamptz'],
    ['status', 'text'],
    ['met_at', 'timestamptz'],
    ['overdue_at', 'timestamptz'],
    ['escalations', 'int'],
  ])
  const signOffs = t('case_sign_offs', [
    ['id', 'uuid'],
    ['org_id', 'uuid'],
    ['case_id', 'uuid'],
    ['action', 'text'],
    ['signer_id', 'uuid'],
    ['signer_name', 'text'],
    ['signer_role', 'text'],
    ['signed_at', 'timestamptz'],
  ])
  const flushChunk = async () => {
    await cases.flush()
    await writer.drain() // the cases exist before their timelines name them
    await events.flush()
    await deadlines.flush()
    await signOffs.flush()
  }

  const perBuilding = Math.round(total / buildings.length)
  const sequences = new Map<string, number>()
  const counts = { open: 0, overdue: 0, closed: 0 }
  let inChunk = 0
  for (const b of buildings) {
    const staff = (post: string) => {
      const s = b.staff[post]
      if (!s) throw new Error(`no ${post} in ${b.code}`)
      return s
    }
    for (let n = 0; n < perBuilding; n++) {
      const type = chooseType(rand())
      const priority = priorityOf(type, rand())
      // Spread over the last year, during the day (08:00–20:00 Shanghai time).
      const day = Math.floor(rand() * 365)
      const createdAt = new Date(
        Math.floor((now.getTime() + 8 * HOUR) / DAY) * DAY -
          8 * HOUR -
          day * DAY +
          (8 + rand() * 12) * HOUR,
      )
      if (createdAt > now) createdAt.setTime(now.getTime() - rand() * 6 * HOUR)
      const unitIndex = Math.floor(rand() * b.units.length)
      const unit =
        type === 'complaint' || type === 'repair' || (type === 'inquiry' && rand() < 0.5)
          ? b.units[unitIndex]
          : undefined
      const payer = unit ? b.payers[unitIndex] : undefined
      let text: CaseText
      if (type === 'complaint') text = complaintText(rand, unit?.number ?? null)
      else if (type === 'repair') text = repairText(rand, unit?.number ?? null)
      else if (type === 'inquiry') text = inquiryText(rand)
      else if (type === 'incident') text = incidentText(rand)
      else text = liaisonText(rand, 1 + Math.floor(rand() * 20))
      let department: string =
        type === 'repair'
          ? 'engineering'
          : type === 'liaison'
            ? pick(rand, departments)
            : 'customer_service'
      const data: Record<string, unknown> = { ...text.data }
      if (type === 'liaison') data['issuerDepartment'] = 'customer_service'
      const desk = staff(rand() < 0.5 ? 'agent1' : 'agent2')
      const id = uuidv7(createdAt.getTime())
      const dayKey = localDay(createdAt).replaceAll('-', '')
      const scope = `case:${type}:${b.id}:${dayKey}`
      const seq = (sequences.get(scope) ?? 0) + 1
      sequences.set(scope, seq)
      const number = `${prefix[type]}-${dayKey}-${pad(seq, 4)}`

      events.add([
        orgId,
        id,
        createdAt.toISOString(),
        desk.id,
        desk.name,
        'created',
        null,
        null,
        paths[type].initial,
        null,
        'customer',
        JSON.stringify({ channel: 'phone', priority }),
      ])
      // Walk the workflow until the case is done, or the next step would lie in the future.
      // A few cases stall on the way (the backlog); a few are cancelled before any work.
      let state = paths[type].initial
      let at = createdAt
      let assignee: Staff | null = null
      let actions = 0
      // Recent work stalls more often than last year's did.
      const stallAt =
        rand() < (day < 30 ? 0.2 : 0.01) ? Math.floor(rand() * paths[type].steps.length) : Infinity
      let resolveStartedAt = createdAt
      let metAt: Date | null = null
      // A complaint's result reported, a repair sent to follow-up: the follow-up deadline runs
      // from then until the follow-up is made.
      let followUpFrom: Date | null = null
      let followUpAt: Date | null = null
      // About one case in eight drags: every step takes four times as long (the late ones).
      const pace = rand() < 0.12 ? 4 : 1
      if (type === 'complaint') department = pick(rand, departments)
      const cancelled =
        (type === 'complaint' || type === 'repair' || type === 'liaison') && rand() < 0.03
      if (type === 'inquiry' && rand() < 0.5) {
        // Answered at once at the desk: recorded already answered.
        data['answer'] = '已当场答复'
        state = 'answered'
      } else if (cancelled) {
        const cancelAt = new Date(at.getTime() + rand() * 2 * HOUR)
        if (cancelAt < now) {
          events.add([
            orgId,
            id,
            cancelAt.toISOString(),
            desk.id,
            desk.name,
            'action',
            'cancel',
            state,
            'cancelled',
            '客户撤回',
            'customer',
            JSON.stringify({ exception: true }),
          ])
          state = 'cancelled'
          at = cancelAt
          actions++
        }
      } else {
        for (const [s, step] of paths[type].steps.entries()) {
          if (s >= stallAt) break
          const next = new Date(at.getTime() + step.hours * pace * (0.2 + rand() * 0.8) * HOUR)
          if (next > now) break
          const head = staff(deptPosts[department]?.head ?? 'supervisor')
          const taker: Staff =
            step.by === 'desk'
              ? desk
              : step.by === 'supervisor'
                ? staff('supervisor')
                : step.by === 'dept_head'
                  ? head
                  : step.by === 'tech'
                    ? (assignee ?? staff('eng.tech1'))
                    : step.by === 'customer'
                      ? (assignee ?? staff('eng.tech1'))
                      : staff(deptPosts[department]?.staff ?? 'agent2')
          const input: Record<string, unknown> = step.input?.(rand) ?? {}
          if (step.action === 'assign') input['department'] = department
          if (step.action === 'dispatch') {
            const tech = staff(pick(rand, ['eng.tech1', 'eng.tech2', 'eng.tech3']))
            input['assigneeId'] = tech.id
            assignee = tech
            data['appointmentAt'] = null
          }
          if (step.takes) assignee = taker
          if (step.action === 'follow_up') assignee = null
          let to = step.to
          // Repairs: seven in ten customers' sign-offs close the case without a follow-up visit.
          const skipFollowUp = step.action === 'customer_sign_off' && rand() >= 0.3
          if (skipFollowUp) to = 'closed'
          if (to === 'resolved' || to === 'awaiting_follow_up') followUpFrom = next
          if (step.action === 'follow_up') followUpAt = next
          Object.assign(data, step.data?.(input) ?? {})
          events.add([
            orgId,
            id,
            next.toISOString(),
            taker.id,
            taker.name,
            'action',
            step.action,
            state,
            to,
            null,
            step.visible ? 'customer' : 'internal',
            JSON.stringify(input),
          ])
          if (step.signOff) {
            const byCustomer = step.by === 'customer'
            signOffs.add([
              uuidv7(next.getTime()),
              orgId,
              id,
              step.action,
              taker.id,
              byCustomer ? (payer?.customerName ?? '客户') : taker.name,
              byCustomer ? 'customer' : taker.roleCode,
              next.toISOString(),
            ])
          }
          if (s === 0) resolveStartedAt = next
          if (step.meets) metAt = next
          state = to
          at = next
          actions++
          if (skipFollowUp) break
        }
      }
      // A complaint not yet assigned waits in the desk's own queue.
      if (type === 'complaint' && (state === 'registered' || state === 'cancelled'))
        department = 'customer_service'
      const final = ['closed', 'cancelled', 'answered', 'done'].includes(state)
      let overdue = false
      let escalation = 0
      if (final) {
        counts.closed++
        const policy = resolvedDeadline(type, priority)
        if (policy && metAt) {
          const started = type === 'inquiry' ? createdAt : resolveStartedAt
          const due = new Date(
            started.getTime() + wallMinutes(policy.minutes, policy.workingTime) * 60_000,
          )
          const late = metAt > due
          if (late) {
            overdue = true
            escalation = 1
          }
          deadlines.add([
            uuidv7(started.getTime()),
            orgId,
            id,
            policy.name,
            started.toISOString(),
            due.toISOString(),
            'met',
            metAt.toISOString(),
            late ? due.toISOString() : null,
            late ? 1 : 0,
          ])
        }
        const followUp = waitingDeadline(
          type,
          type === 'repair' ? 'awaiting_follow_up' : 'resolved',
          priority,
        )
        if (followUp && followUpFrom && followUpAt) {
          const due = new Date(
            followUpFrom.getTime() + wallMinutes(followUp.minutes, followUp.workingTime) * 60_000,
          )
          const late = followUpAt > due
          deadlines.add([
            uuidv7(followUpFrom.getTime()),
            orgId,
            id,
            followUp.name,
            followUpFrom.toISOString(),
            due.toISOString(),
            'met',
            followUpAt.toISOString(),
            late ? due.toISOString() : null,
            late ? 1 : 0,
          ])
        }
      } else {
        counts.open++
        const policy = waitingDeadline(type, state, priority)
        if (policy) {
          const due = new Date(
            at.getTime() + wallMinutes(policy.minutes, policy.workingTime) * 60_000,
          )
          const late = due < now
          if (late) {
            overdue = true
            escalation = 2
            counts.overdue++
            events.add([
              orgId,
              id,
              due.toISOString(),
              null,
              '系统',
              'overdue',
              null,
              null,
              null,
              null,
              'internal',
              JSON.stringify({ deadline: policy.name }),
            ])
          }
          deadlines.add([
            uuidv7(at.getTime()),
            orgId,
            id,
            policy.name,
            at.toISOString(),
            due.toISOString(),
            'running',
            null,
            late ? due.toISOString() : null,
            late ? 2 : 0,
          ])
        }
      }
      const contact = payer ? payer.customerName : personName(rand)
      cases.add([
        id,
        orgId,
        b.id,
        type,
        number,
        state,
        priority,
        type === 'liaison'
          ? 'internal'
          : pick(rand, ['phone', 'phone', 'walk_in', 'portal', 'other'] as const),
        text.title,
        text.description,
        unit?.id ?? null,
        type === 'complaint' || type === 'repair' ? (payer?.customerId ?? null) : null,
        type === 'liaison' ? null : contact,
        type === 'liaison' ? null : mobile(rand),
        department,
        assignee?.id ?? null,
        JSON.stringify(data),
        overdue,
        escalation,
        desk.id,
        createdAt.toISOString(),
        at.toISOString(),
        final ? at.toISOString() : null,
        1 + actions,
      ])
      if (++inChunk >= CHUNK) {
        inChunk = 0
        await flushChunk()
      }
    }
  }
  await flushChunk()
  await writer.drain()
  // Numbers drawn later continue after the generated ones, so new cases never collide.
  const scopes = [...sequences.keys()]
  for (let from = 0; from < scopes.length; from += 5_000) {
    const slice = scopes.slice(from, from + 5_000)
    await pool.query(
      `insert into number_sequences (org_id, scope, next)
       select $1, s, n from unnest($2::text[], $3::int[]) as x(s, n)
       on conflict (org_id, scope) do update set next = greatest(number_sequences.next, excluded.next)`,
      [orgId, slice, slice.map((s) => (sequences.get(s) ?? 0) + 1)],
    )
  }
  return counts
}
