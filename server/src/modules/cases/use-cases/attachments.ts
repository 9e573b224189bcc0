// Attachments (photos, PDFs) are stored in PostgreSQL so that every app instance serves them;
// size and type are checked on upload, and the bytes must be what the type says.
import { createHash } from 'node:crypto'
import { recordAudit } from '../../../platform/audit'
import { AppError, forbidden, notFound } from '../../../platform/errors'
import type { Deps, RequestContext } from '../../../platform/http/context'
import { kickOutbox } from '../../../platform/outbox'
import * as repo from '../cases.repository'
import { caseChanged } from './effects'

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024

// The first bytes of each type we take: a file named .jpg that is not a JPEG is refused.
const magic: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.length > 8 && b.readUInt32BE(0) === 0x89504e47,
  'image/webp': (b) =>
    b.length > 12 && b.toString('ascii', 0, 4) === 'RIFF' && b.toString('ascii', 8, 12) === 'WEBP',
  'application/pdf': (b) => b.length > 5 && b.toString('ascii', 0, 5) === '%PDF-',
}
export const attachmentTypes = Object.keys(magic)

export async function addAttachment(
  { db, clock }: Deps,
  ctx: RequestContext,
  caseId: string,
  file: { fileName: string; contentType: string; content: Buffer; visibleToCustomer: boolean },
) {
  const check = magic[file.contentType]
  if (!check)
    throw new AppError('cases.attachment_type', 'Photos (JPEG, PNG, WebP) and PDF files only.', {
      field: 'file',
    })
  if (file.content.length === 0 || !check(file.content))
    throw new AppError('cases.attachment_type', 'The file is not what its type says.', {
      field: 'file',
    })
  if (file.content.length > MAX_ATTACHMENT_BYTES)
    throw new AppError('request.too_large', 'Files may be up to 10 MB.', { field: 'file' })
  const saved = await db.transaction(async (tx) => {
    const c = await repo.findCase(tx, ctx.actor, caseId, true)
    if (!c) throw notFound('case')
    if (!ctx.actor.permissions.has('case.comment')) throw forbidden('case.comment')
    const now = clock.now()
    const visible = ctx.actor.kind === 'customer' || file.visibleToCustomer
    const row = await repo.insertAttachment(tx, {
      orgId: c.orgId,
      caseId: c.id,
      kind: file.contentType === 'application/pdf' ? 'document' : 'photo',
      fileName: file.fileName.slice(0, 200) || 'file',
      contentType: file.contentType,
      size: file.content.length,
      sha256: createHash('sha256').update(file.content).digest('hex'),
      content: file.content,
      visibleToCustomer: visible,
      uploadedBy: ctx.actor.userId,
      uploadedAt: now,
    })
    await repo.insertEvent(tx, {
      orgId: c.orgId,
      caseId: c.id,
      at: now,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      kind: 'attachment',
      visibility: visible ? 'customer' : 'internal',
      data: { attachmentId: row.id, fileName: row.fileName },
    })
    await recordAudit(tx, clock, ctx, {
      action: 'case.attach',
      entityType: 'case',
      entityId: c.id,
      diff: { attachmentId: row.id, fileName: row.fileName, size: row.size },
    })
    await caseChanged(tx, now, c, 'attachment')
    return row
  })
  kickOutbox()
  return {
    id: saved.id,
    kind: saved.kind,
    fileName: saved.fileName,
    contentType: saved.contentType,
    size: saved.size,
    visibleToCustomer: saved.visibleToCustomer,
    uploadedAt: saved.uploadedAt.toISOString(),
  }
}

export async function attachmentFile(
  { db }: Deps,
  ctx: RequestContext,
  caseId: string,
  id: string,
) {
  const c = await repo.findCase(db, ctx.actor, caseId)
  if (!c) throw notFound('case')
  const file = await repo.attachmentContent(db, c.id, id)
  if (!file || (ctx.actor.kind === 'customer' && !file.visibleToCustomer))
    throw notFound('attachment')
  return file
}

/** 404 before a file is read when the case is not the caller's to see. */
export async function assertCaseVisible({ db }: Deps, ctx: RequestContext, caseId: string) {
  if (!(await repo.findCase(db, ctx.actor, caseId))) throw notFound('case')
}
