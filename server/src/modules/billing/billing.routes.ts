import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import type { Deps, RequestContext } from '../../platform/http/context'
import { contextOf } from '../../platform/auth'
import { idempotencyKeyOf, onceForKey } from '../../platform/idempotency'
import type { Db } from '../../platform/db'
import { IdParams, Items, Page } from '../../platform/http/schemas'
import * as S from './billing.schemas'
import * as items from './use-cases/charge-items'
import { generateBills } from './use-cases/bill-run'
import * as charges from './use-cases/charges'
import * as payments from './use-cases/payments'
import * as deposits from './use-cases/deposits'
import * as arrears from './use-cases/arrears'
import { customerStatement, settlementOf } from './use-cases/statement'
import { collectionRate } from './use-cases/collection-rate'
import { listBills } from './use-cases/bills'
import { exportTable, ExportQuery, ExportTable } from './use-cases/exports'

const tags = ['billing']
// Documented here, checked by idempotencyKeyOf, so that a missing key gets its own error code.
const moneyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      description: 'Required: 8–100 of A–Z a–z 0–9 _ . : -. A repeat returns the first response.',
    }),
  ),
})
const Settlement = Type.Object({
  customerId: Type.String(),
  open: Type.Integer(),
  credit: Type.Integer(),
  balance: Type.Integer(),
  depositsHeld: Type.Integer(),
  settled: Type.Boolean(),
})

export const billingRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  /** A money write: exactly once per Idempotency-Key, the repeat answered with the first response. */
  async function once<T>(
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    work: (tx: Db, key: string, ctx: RequestContext) => Promise<T>,
  ) {
    const key = idempotencyKeyOf(req)
    const ctx = contextOf(req)
    const route = `${req.method} ${req.routeOptions.url ?? req.url}`
    const result = await onceForKey(
      deps.db,
      deps.clock,
      {
        orgId: ctx.actor.orgId,
        userId: ctx.actor.userId,
        key,
        route,
        body: { params: req.params, body: req.body },
      },
      status,
      (tx) => work(tx, key, ctx),
    )
    if (result.replayed) reply.header('idempotent-replayed', 'true')
    return reply.status(result.status).send(result.body)
  }

  // ——— configuration ———
  app.get(
    '/billing/charge-items',
    {
      config: { permission: 'billing.read' },
      schema: { tags, summary: 'Charge items (收费项目)', response: { 200: Items(S.ChargeItem) } },
    },
    async (req) => ({
      items: await items.listChargeItems(deps, contextOf(req)),
    }),
  )
  app.post(
    '/billing/charge-items',
    {
      config: { permission: 'billing.configure' },
      schema: {
        tags,
        summary: 'Add a charge item',
        body: S.CreateChargeItemBody,
        response: { 201: S.ChargeItem },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await items.createChargeItem(deps, contextOf(req), req.body)),
  )
  app.patch(
    '/billing/charge-items/:id',
    {
      config: { permission: 'billing.configure' },
      schema: {
        tags,
        summary: 'Change a charge item',
        params: IdParams,
        body: S.UpdateChargeItemBody,
        response: { 200: S.ChargeItem },
      },
    },
    async (req) => items.updateChargeItem(deps, contextOf(req), req.params.id, req.body),
  )
  app.get(
    '/billing/rates',
    {
      config: { permission: 'billing.read' },
      schema: {
        tags,
        summary: 'Rates of a building, with effective dates',
        querystring: Type.Object(
          { propertyId: Type.String({ format: 'uuid' }) },
          { additionalProperties: false },
        ),
        response: { 200: Items(S.Rate) },
      },
    },
    async (req) => ({ items: await items.listRates(deps, contextOf(req), req.query.propertyId) }),
  )
  app.post(
    '/billing/rates',
    {
      config: { permission: 'billing.configure' },
      schema: {
        tags,
        summary: 'Set a rate from a date (the previous one ends the day before)',
        body: S.CreateRateBody,
        response: { 201: Items(S.Rate) },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ items: await items.createRate(deps, contextOf(req), req.body) }),
  )

  // ——— bills and charges ———
  app.post(
    '/billing/bill-runs',
    {
      config: { permission: 'billing.manage' },
      schema: {
        tags,
        summary: 'Generate a month’s bills (idempotent: a second run creates nothing twice)',
        body: S.BillRunBody,
        response: { 200: S.BillRunResult },
      },
    },
    async (req) => generateBills(deps, contextOf(req), req.body.propertyId, req.body.period),
  )
  app.get(
    '/billing/bills',
    {
      config: { permission: 'billing.read' },
      schema: {
        tags,
        summary: 'Bills with their totals and what is paid',
        querystring: S.BillListQuery,
        response: { 200: Page(S.Bill) },
      },
    },
    async (req) => listBills(deps, contextOf(req), req.query),
  )
  app.get(
    '/billing/charges',
    {
      config: { permission: 'billing.read' },
      schema: {
        tags,
        summary: 'Charges, oldest due first',
        querystring: S.ChargeListQuery,
        response: { 200: Page(S.Charge) },
      },
    },
    async (req) => charges.listCharges(deps, contextOf(req), req.query),
  )
  app.post(
    '/billing/charges',
    {
      config: { permission: 'billing.manage' },
      schema: {
        tags,
        summary: 'Post an ad-hoc charge (needs Idempotency-Key)',
        headers: moneyHeaders,
        body: S.PostChargeBody,
        response: { 201: S.Charge },
      },
    },
    async (req, reply) =>
      once(req, reply, 201, (tx, key, ctx) =>
        charges.postCharge(tx, deps.clock, ctx, { ...req.body, idempotencyKey: `http:${key}` }),
      ),
  )
  app.post(
    '/billing/charges/:id/reverse',
    {
      config: { permission: 'billing.manage' },
      schema: {
        tags,
        summary: 'Reverse a charge posted in error; paid money becomes credit',
        headers: moneyHeaders,
        params: IdParams,
        body: S.ReverseBody,
        response: { 200: S.Charge },
      },
    },
    async (req, reply) =>
      once(req, reply, 200, (tx, _key, ctx) =>
        charges.reverseCharge(tx, deps.clock, ctx, req.params.id, req.body.reason),
      ),
  )

  // ——— payments ———
  app.get(
    '/billing/payments',
    {
      config: { permission: 'billing.read' },
      schema: {
        tags,
        summary: 'Payments, newest first',
        querystring: S.PaymentListQuery,
        response: { 200: Page(S.Payment) },
      },
    },
    async (req) => payments.listPayments(deps, contextOf(req), req.query),
  )
  app.post(
    '/billing/payments',
    {
      config: { permission: 'billing.manage' },
      schema: {
        tags,
        summary: 'Record a payment and allocate it (needs Idempotency-Key)',
        headers: moneyHeaders,
        body: S.RecordPaymentBody,
        response: { 201: S.Payment },
      },
    },
    async (req, reply) =>
      once(req, reply, 201, (tx, key, ctx) => payments.recordPayment(tx, deps, ctx, key, req.body)),
  )
  app.post(
    '/billing/payments/:id/reverse',
    {
      config: { permission: 'billing.manage' },
      schema: {
        tags,
        summary: 'Reverse a payment (never deleted)',
        headers: moneyHeaders,
        params: IdParams,
        body: S.ReverseBody,
        response: { 200: S.Payment },
      },
    },
    async (req, reply) =>
      once(req, reply, 200, (tx, key, ctx) =>
        payments.reversePayment(tx, deps, ctx, key, req.params.id, req.body.reason),
      ),
  )
  app.post(
    '/billing/customers/:id/apply-credit',
    {
      config: { permission: 'billing.manage' },
      schema: {
        tags,
        summary: 'Allocate a customer’s credit to open charges',
        headers: moneyHeaders,
        params: IdParams,
        response: { 200: Type.Object({ applied: Type.Integer() }) },
      },
    },
    async (req, reply) =>
      once(req, reply, 200, (tx, _key, ctx) => payments.applyCredit(tx, deps, ctx, req.params.id)),
  )
  app.post(
    '/billing/customers/:id/refund-credit',
    {
      config: { permission: 'billing.manage' },
      schema: {
        tags,
        summary: 'H-MO-6: pay a customer’s credit back (needs Idempotency-Key)',
        headers: moneyHeaders,
        params: IdParams,
        body: S.RefundCreditBody,
        response: { 201: S.Payment },
      },
    },
    async (req, reply) =>
      once(req, reply, 201, (tx, key, ctx) =>
        payments.refundCredit(tx, deps, ctx, key, req.params.id, req.body),
      ),
  )
  app.get(
    '/billing/customers/:id/statement',
    {
      config: { permission: 'billing.read' },
      schema: {
        tags,
        summary: 'A customer’s statement',
        params: IdParams,
        response: { 200: S.Statement },
      },
    },
    async (req) => customerStatement(deps, contextOf(req), req.params.id),
  )
  app.get(
    '/billing/customers/:id/settlement',
    {
      config: { permission: 'billing.read' },
      schema: {
        tags,
        summary: 'H-MO-3/H-MO-6: what is still owed, and whether the account is settled',
        params: IdParams,
        response: { 200: Settlement },
      },
    },
    async (req) => settlementOf(deps, contextOf(req), req.params.id),
  )

  // ——— arrears and reminders ———
  app.get(
    '/billing/arrears',
    {
      config: { permission: 'billing.read' },
      schema: {
        tags,
        summary: 'Arrears per customer with ageing',
        querystring: S.ArrearsQuery,
        response: { 200: Items(S.ArrearsRow) },
      },
    },
    async (req) => ({ items: await arrears.arrears(deps, contextOf(req), req.query.propertyId) }),
  )
  app.post(
    '/billing/customers/:id/reminders',
    {
      config: { permission: 'billing.manage' },
      schema: {
        tags,
        summary: 'Issue a reminder notice (催缴通知单)',
        headers: moneyHeaders,
        params: IdParams,
        body: S.IssueReminderBody,
        response: { 201: S.Reminder },
      },
    },
    async (req, reply) =>
      once(req, reply, 201, (tx, _key, ctx) =>
        arrears.issueReminder(tx, deps, ctx, req.params.id, req.body.level),
      ),
  )
  app.get(
    '/billing/customers/:id/reminders',
    {
      config: { permission: 'billing.read' },
      schema: {
        tags,
        summary: 'Reminders sent to a customer',
        params: IdParams,
        response: { 200: Items(S.Reminder) },
      },
    },
    async (req) => ({ items: await arrears.remindersOf(deps, contextOf(req), req.params.id) }),
  )
  app.get(
    '/billing/reminders/:id',
    {
      config: { permission: 'billing.read' },
      schema: {
        tags,
        summary: 'One reminder notice, to print',
        params: IdParams,
        response: { 200: S.Reminder },
      },
    },
    async (req) => arrears.getReminder(deps, contextOf(req), req.params.id),
  )

  // ——— deposits ———
  app.get(
    '/billing/deposits',
    {
      config: { permission: 'billing.read' },
      schema: {
        tags,
        summary: 'Deposits: all, held, or refunds due today',
        querystring: S.DepositListQuery,
        response: { 200: Page(S.Deposit) },
      },
    },
    async (req) => deposits.listDeposits(deps, contextOf(req), req.query),
  )
  app.get(
    '/billing/deposits/:id',
    {
      config: { permission: 'billing.read' },
      schema: {
        tags,
        summary: 'A deposit with its ledger',
        params: IdParams,
        response: { 200: S.Deposit },
      },
    },
    async (req) => deposits.depositById(deps.db, contextOf(req), req.params.id),
  )
  app.post(
    '/billing/deposits',
    {
      config: { permission: 'billing.manage' },
      schema: {
        tags,
        summary: 'Receive a deposit (needs Idempotency-Key)',
        headers: moneyHeaders,
        body: S.ReceiveDepositBody,
        response: { 201: S.Deposit },
      },
    },
    async (req, reply) =>
      once(req, reply, 201, (tx, key, ctx) =>
        deposits.receiveDeposit(tx, deps, ctx, key, req.body),
      ),
  )
  app.post(
    '/billing/deposits/:id/deduct',
    {
      config: { permission: 'billing.manage' },
      schema: {
        tags,
        summary: 'Deduct damage from a deposit',
        headers: moneyHeaders,
        params: IdParams,
        body: S.DeductDepositBody,
        response: { 200: S.Deposit },
      },
    },
    async (req, reply) =>
      once(req, reply, 200, (tx, key, ctx) =>
        deposits.deductFromDeposit(tx, deps, ctx, key, req.params.id, req.body),
      ),
  )
  app.post(
    '/billing/deposits/:id/refund',
    {
      config: { permission: 'billing.manage' },
      schema: {
        tags,
        summary: 'Refund a deposit (not before its due date)',
        headers: moneyHeaders,
        params: IdParams,
        body: S.RefundDepositBody,
        response: { 200: S.Deposit },
      },
    },
    async (req, reply) =>
      once(req, reply, 200, (tx, key, ctx) =>
        deposits.refundDeposit(tx, deps, ctx, key, req.params.id, req.body),
      ),
  )
  app.post(
    '/billing/deposits/:id/schedule-refund',
    {
      config: { permission: 'billing.manage' },
      schema: {
        tags,
        summary: 'H-FO-15: refund three months after a clean re-inspection',
        params: IdParams,
        body: S.ScheduleRefundBody,
        response: { 200: S.Deposit },
      },
    },
    async (req) =>
      deposits.scheduleDepositRefund(
        deps,
        contextOf(req),
        req.params.id,
        req.body.reinspectedOn,
        req.body.version,
      ),
  )

  // ——— figures and exports ———
  app.get(
    '/billing/collection-rate',
    {
      // Building-wide figures are the company's own: a customer account sees its own money only.
      config: { permission: 'billing.read', staffOnly: true },
      schema: {
        tags,
        summary: 'H-IS-27: collection rate per month',
        querystring: S.CollectionQuery,
        response: { 200: Items(S.CollectionMonth) },
      },
    },
    async (req) => ({
      items: await collectionRate(
        deps,
        contextOf(req),
        req.query.propertyId,
        req.query.from,
        req.query.to,
      ),
    }),
  )
  app.get(
    '/billing/exports/:table',
    {
      config: { permission: 'billing.export' },
      schema: {
        tags,
        summary: 'A table as an Excel workbook (audited: H-IS-14)',
        params: Type.Object({ table: ExportTable }),
        querystring: ExportQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (req, reply) => {
      const file = await exportTable(deps, contextOf(req), req.params.table, req.query)
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.buffer)
    },
  )
}
