import { and, desc, eq, gte, lt, lte, or, type SQL } from 'drizzle-orm'
import { auditLog } from '../../db/schema'
import type { Db } from '../db'
import { insertRow } from '../db/statements'

export type AuditEntry = {
  orgId: string
  actorId: string | null
  actorName: string
  action: string
  entityType: string
  entityId: string | null
  diff: Record<string, unknown>
  requestId: string | null
  ip: string | null
  at: Date
}

export async function insertAudit(db: Db, entry: AuditEntry): Promise<void> {
  await insertRow(db, auditLog, entry)
}

export type AuditFilter = {
  actorId?: string
  action?: string
  entityType?: string
  entityId?: string
  from?: Date
  to?: Date
  after?: { at: Date; id: number }
  limit: number
}

export async function searchAudit(db: Db, orgId: string, f: AuditFilter) {
  const where: SQL[] = [eq(auditLog.orgId, orgId)]
  if (f.actorId) where.push(eq(auditLog.actorId, f.actorId))
  if (f.action) where.push(eq(auditLog.action, f.action))
  if (f.entityType) where.push(eq(auditLog.entityType, f.entityType))
  if (f.entityId) where.push(eq(auditLog.entityId, f.entityId))
  if (f.from) where.push(gte(auditLog.at, f.from))
  if (f.to) where.push(lte(auditLog.at, f.to))
  if (f.after) {
    const after = or(
      lt(auditLog.at, f.after.at),
      and(eq(auditLog.at, f.after.at), lt(auditLog.id, f.after.id)),
    )
    if (after) where.push(after)
  }
  return db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(f.limit)
}
