import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import multipart from '@fastify/multipart'
import { Type } from 'typebox'
import { contextOf } from '../../platform/auth'
import { AppError } from '../../platform/errors'
import type { Deps } from '../../platform/http/context'
import { IdParams, Items, Page } from '../../platform/http/schemas'
import * as S from './cases.schemas'
import { applyAction } from './use-cases/apply-action'
import {
  addAttachment,
  assertCaseVisible,
  attachmentFile,
  attachmentTypes,
  MAX_ATTACHMENT_BYTES,
} from './use-cases/attachments'
import { addComment } from './use-cases/comments'
import { openCase } from './use-cases/open-case'
import { caseDetail, getCase, listCases, recordPrint, revealContact } from './use-cases/read-case'
import { deleteView, listViews, saveView } from './use-cases/saved-views'
import { assignableStaff } from './use-cases/assignable-staff'
import { moveCalendar, MoveCalendarQuery, MoveEntry } from './use-cases/move-calendar'

const tags = ['cases']
const AttachmentParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  attachmentId: Type.String({ format: 'uuid' }),
})

/** A multipart body that does not parse (no boundary, cut short) is the sender's error: 400. */
function malformedUpload(error: unknown): never {
  if (error instanceof AppError) throw error
  const code = (error as { code?: string; statusCode?: number }).code ?? ''
  if (code === 'FST_REQ_FILE_TOO_LARGE')
    throw new AppError('request.too_large', 'Files may be up to 10 MB.', { field: 'file' })
  throw new AppError('request.invalid', 'The upload is not a well-formed multipart body.', {
    field: 'file',
    errors: [{ field: 'file', code: 'multipart', reason: 'is not a well-formed upload' }],
  })
}

export const caseRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  await app.register(multipart, {
    limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 5, fieldSize: 1000 },
  })

  app.get(
    '/cases',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary: 'Cases (工单) the caller may see, newest first, with filters',
        querystring: S.CaseListQuery,
        response: { 200: Page(S.CaseSummary) },
      },
    },
    async (req) => listCases(deps, contextOf(req), req.query),
  )
  app.post(
    '/cases',
    {
      config: { permission: 'case.create' },
      schema: {
        tags,
        summary: 'Open a case: a complaint, repair, inquiry, lobby incident or liaison slip',
        body: S.CreateCaseBody,
        response: { 201: S.CaseDetail },
      },
    },
    async (req, reply) => {
      const ctx = contextOf(req)
      const created = await openCase(deps, ctx, req.body)
      return reply.status(201).send(await caseDetail(deps.db, deps.clock, ctx.actor, created.id))
    },
  )

  app.get(
    '/cases/views',
    {
      config: { permission: 'case.read' },
      schema: { tags, summary: 'My saved queue views', response: { 200: Items(S.SavedView) } },
    },
    async (req) => ({ items: await listViews(deps, contextOf(req)) }),
  )
  app.post(
    '/cases/views',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary: 'Save a queue view',
        body: S.SavedViewBody,
        response: { 201: S.SavedView },
      },
    },
    async (req, reply) => reply.status(201).send(await saveView(deps, contextOf(req), req.body)),
  )
  app.delete(
    '/cases/views/:id',
    {
      config: { permission: 'case.read' },
      schema: { tags, summary: 'Delete a saved view', params: IdParams },
    },
    async (req, reply) => {
      await deleteView(deps, contextOf(req), req.params.id)
      return reply.status(204).send()
    },
  )
  app.get(
    '/cases/assignable',
    {
      config: { permission: 'case.assign', staffOnly: true },
      schema: {
        tags,
        summary: 'Staff of a building who may be dispatched (by department)',
        querystring: Type.Object(
          {
            propertyId: Type.String({ format: 'uuid' }),
            department: Type.Optional(S.DepartmentCode),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Items(
            Type.Object({
              id: Type.String(),
              displayName: Type.String(),
              department: Type.Union([Type.String(), Type.Null()]),
              roleCode: Type.String(),
            }),
          ),
        },
      },
    },
    async (req) => ({ items: await assignableStaff(deps, contextOf(req), req.query) }),
  )
  app.get(
    '/cases/moves',
    {
      config: { permission: 'case.read', staffOnly: true },
      schema: {
        tags,
        summary: "A building's move-ins and move-outs by their day (客户入驻/迁出日历), ≤ 62 days",
        querystring: MoveCalendarQuery,
        response: { 200: Items(MoveEntry) },
      },
    },
    async (req) => ({ items: await moveCalendar(deps, contextOf(req), req.query) }),
  )

  app.get(
    '/cases/:id',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary:
          'A case with its timeline, deadlines, attachments, sign-offs and available actions',
        params: IdParams,
        response: { 200: S.CaseDetail },
      },
    },
    async (req) => getCase(deps, contextOf(req), req.params.id),
  )
  app.post(
    '/cases/:id/actions/:action',
    {
      // The action's own permission is checked by the engine (403 naming it).
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary: "Take an action on a case: the body is the action's input and the case's version",
        description:
          'Stale version: 409 with currentVersion. Wrong state: 422 cases.wrong_state. Missing written reason: 422 cases.reason_required.',
        params: S.ActionParams,
        body: S.ActionBody,
        response: { 200: S.CaseDetail },
      },
    },
    async (req) => {
      const ctx = contextOf(req)
      await applyAction(deps, ctx, req.params.id, req.params.action, req.body)
      return caseDetail(deps.db, deps.clock, ctx.actor, req.params.id)
    },
  )
  app.post(
    '/cases/:id/comments',
    {
      config: { permission: 'case.comment' },
      schema: {
        tags,
        summary: 'Comment on a case (internal, or visible to the customer)',
        params: IdParams,
        body: S.CommentBody,
        response: { 201: S.TimelineEvent },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addComment(deps, contextOf(req), req.params.id, req.body)),
  )
  app.post(
    '/cases/:id/attachments',
    {
      config: { permission: 'case.comment' },
      schema: {
        tags,
        summary:
          'Attach a photo or PDF (multipart/form-data: file, visibleToCustomer); up to 10 MB',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 201: S.Attachment },
      },
    },
    async (req, reply) => {
      await assertCaseVisible(deps, contextOf(req), req.params.id)
      if (!req.isMultipart())
        throw new AppError(
          'request.unsupported_media_type',
          'Send the file as multipart/form-data.',
          {
            field: 'file',
          },
        )
      const part = await req.file().catch(malformedUpload)
      if (!part)
        throw new AppError('request.invalid', 'No file was sent.', {
          field: 'file',
          errors: [{ field: 'file', code: 'required', reason: 'is required' }],
        })
      const content = await part.toBuffer().catch(malformedUpload)
      if (part.file.truncated)
        throw new AppError('request.too_large', 'Files may be up to 10 MB.', { field: 'file' })
      const visible = part.fields['visibleToCustomer']
      const flag = visible && 'value' in visible ? String(visible.value) === 'true' : false
      const saved = await addAttachment(deps, contextOf(req), req.params.id, {
        fileName: part.filename,
        contentType: part.mimetype,
        content,
        visibleToCustomer: flag,
      })
      return reply.status(201).send(saved)
    },
  )
  app.get(
    '/cases/:id/attachments/:attachmentId',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary: `An attachment's file (${attachmentTypes.join(', ')})`,
        params: AttachmentParams,
        produces: attachmentTypes,
      },
    },
    async (req, reply) => {
      const file = await attachmentFile(
        deps,
        contextOf(req),
        req.params.id,
        req.params.attachmentId,
      )
      const name = encodeURIComponent(file.fileName)
      return reply
        .type(file.contentType)
        .header('content-disposition', `inline; filename*=UTF-8''${name}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=3600')
        .send(file.content)
    },
  )
  app.post(
    '/cases/:id/reveal-contact',
    {
      config: { permission: 'customer.reveal', staffOnly: true },
      schema: {
        tags,
        summary: "The contact's phone in clear (audited: H-IS-15)",
        params: IdParams,
        response: { 200: Type.Object({ contactPhone: Type.Union([Type.String(), Type.Null()]) }) },
      },
    },
    async (req) => revealContact(deps, contextOf(req), req.params.id),
  )
  app.post(
    '/cases/:id/print',
    {
      config: { permission: 'case.read', staffOnly: true },
      schema: {
        tags,
        summary: 'Record that a sheet of the case was printed (audited: H-IS-14)',
        params: IdParams,
        querystring: Type.Object(
          {
            /** Which sheet: the case record (default), a settlement, a release slip, pass cards, a permit. */
            document: Type.Optional(
              Type.Enum(['record', 'settlement', 'release_slip', 'pass_cards', 'permit']),
            ),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => {
      await recordPrint(deps, contextOf(req), req.params.id, req.query.document ?? 'record')
      return reply.status(204).send()
    },
  )
}
