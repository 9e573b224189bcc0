import type { Deps, RequestContext } from '../../../platform/http/context'
import type { Db } from '../../../platform/db'
import { onceInTransaction } from '../../../platform/db/memo'
import { AppError, staleVersion } from '../../../platform/errors'
import { diffOf, recordAudit } from '../../../platform/audit'
import * as repo from '../settings.repository'
import { defaultDeadlinePolicies, policyKeys, type PolicyValues } from '../default-policies'
import type { CasePriority, CaseType, DeadlinePolicy, PutPolicyBody } from '../settings.schemas'

const valuesOf = (p: PolicyValues): PolicyValues => ({
  respondMinutes: p.respondMinutes,
  resolveMinutes: p.resolveMinutes,
  followUpMinutes: p.followUpMinutes,
  workingTime: p.workingTime,
  followUpPercent: p.followUpPercent,
})

const toPolicy = (row: repo.PolicyRow): DeadlinePolicy => ({
  caseType: row.caseType,
  priority: row.priority,
  ...valuesOf(row),
  version: row.version,
  updatedAt: row.updatedAt.toISOString(),
})

/** The built-in policy of a case type and priority, as not stored yet (version 0). */
export function defaultPolicy(caseType: CaseType, priority: CasePriority): DeadlinePolicy {
  const values = defaultDeadlinePolicies[caseType][priority]
  return { caseType, priority, ...values, version: 0, updatedAt: null }
}

/** The policy the engine applies: the company's own, else the built-in default. */
export async function deadlinePolicyOf(
  db: Db,
  orgId: string,
  caseType: CaseType,
  priority: CasePriority,
): Promise<DeadlinePolicy> {
  return onceInTransaction(db, `policy:${orgId}:${caseType}:${priority}`, async () => {
    const row = await repo.findPolicy(db, { orgId, caseType, priority })
    return row ? toPolicy(row) : defaultPolicy(caseType, priority)
  })
}

/** Every case type × priority, stored or default. */
export async function listDeadlinePolicies({ db }: Deps, ctx: RequestContext) {
  const rows = await repo.listPolicies(db, ctx.actor.orgId)
  const stored = new Map(rows.map((r) => [`${r.caseType}/${r.priority}`, r]))
  return policyKeys.map(({ caseType, priority }) => {
    const row = stored.get(`${caseType}/${priority}`)
    return row ? toPolicy(row) : defaultPolicy(caseType, priority)
  })
}

/** Sets a policy. Version 0 creates it from the default; a stale version is 409. */
export async function setDeadlinePolicy(
  { db, clock }: Deps,
  ctx: RequestContext,
  key: { caseType: CaseType; priority: CasePriority },
  input: PutPolicyBody,
) {
  const values = valuesOf(input)
  // A response comes before the resolution it leads to.
  if (values.respondMinutes > values.resolveMinutes) {
    throw new AppError(
      'settings.policy_order',
      'The response time cannot be longer than the resolution time.',
      { field: 'respondMinutes' },
    )
  }
  return db.transaction(async (tx) => {
    const where = { orgId: ctx.actor.orgId, ...key }
    const current = await repo.findPolicy(tx, where, true)
    if ((current?.version ?? 0) !== input.version) throw staleVersion()
    const now = clock.now()
    const saved = current
      ? await repo.updatePolicy(tx, current.id, values, now)
      : await repo.insertPolicy(tx, { ...where, ...values, updatedAt: now })
    // Someone else created it between our read and our insert.
    if (!saved) throw staleVersion()
    const before = current ? valuesOf(current) : defaultDeadlinePolicies[key.caseType][key.priority]
    await recordAudit(tx, clock, ctx, {
      action: 'deadline_policy.update',
      entityType: 'deadline_policy',
      entityId: saved.id,
      diff: { caseType: key.caseType, priority: key.priority, ...diffOf(before, values) },
    })
    return toPolicy(saved)
  })
}
