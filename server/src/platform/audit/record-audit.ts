import type { Db } from '../db'
import type { Clock } from '../clock'
import type { RequestContext } from '../http/context'
import { insertAudit, type AuditEntry } from './audit.repository'

// Fields whose values never enter the audit log in clear: the log says that they changed.
const sensitive = new Set(['phone', 'idNumber', 'password', 'passwordHash'])

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date)

function redact(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(value)) {
    if (sensitive.has(key))
      out[key] =
        v === null || v === undefined
          ? v
          : Array.isArray(v)
            ? v.map(() => '[redacted]')
            : '[redacted]'
    else if (Array.isArray(v)) out[key] = v.map((x) => (isRecord(x) ? redact(x) : x))
    else if (isRecord(v)) out[key] = redact(v)
    else out[key] = v
  }
  return out
}

/** The fields that differ between two versions of a record, as { field: [before, after] }. */
export function diffOf(before: Record<string, unknown>, after: Record<string, unknown>) {
  const changes: Record<string, unknown> = {}
  for (const key of Object.keys(after)) {
    const a = before[key]
    const b = after[key]
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      changes[key] = sensitive.has(key) ? ['[redacted]', '[redacted]'] : [a ?? null, b ?? null]
    }
  }
  return changes
}

type AuditCause =
  | RequestContext
  | { actor: null; orgId: string; actorName: string; requestId?: string; ip?: string }
type AuditAction = {
  action: string
  entityType: string
  entityId: string | null
  diff?: Record<string, unknown>
}

/** Writes one audit row; call it inside the transaction that makes the change. */
export async function recordAudit(
  db: Db,
  clock: Clock,
  ctx: AuditCause,
  entry: AuditAction,
): Promise<void> {
  await insertAudit(db, auditRow(clock, ctx, entry))
}

/** The audit row of a change (redacted), for a caller that writes it with other rows at once. */
export function auditRow(clock: Clock, ctx: AuditCause, entry: AuditAction): AuditEntry {
  const actor = ctx.actor
  return {
    orgId: actor ? actor.orgId : (ctx as { orgId: string }).orgId,
    actorId: actor ? actor.userId : null,
    actorName: actor ? actor.displayName : (ctx as { actorName: string }).actorName,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    diff: redact(entry.diff ?? {}),
    requestId: ctx.requestId ?? null,
    ip: ctx.ip ?? null,
    at: clock.now(),
  }
}
