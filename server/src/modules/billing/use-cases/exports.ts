import { Type, type Static } from 'typebox'
import type { RequestContext } from '../../../platform/http/context'
import type { Deps } from './shared'
import { recordAudit } from '../../../platform/audit'
import { workbookOf, type Column } from '../../../platform/exports/excel'
import { invalidField, notFound } from '../../../platform/errors'
import { findProperty } from '../../org'
import { Period } from '../billing.schemas'
import { listBills } from './bills'
import { listPayments } from './payments'
import { listCharges } from './charges'
import { listDeposits } from './deposits'
import { arrears } from './arrears'
import { collectionRate } from './collection-rate'

export const ExportTable = Type.Enum([
  'bills',
  'charges',
  'payments',
  'arrears',
  'deposits',
  'refunds-due',
  'collection-rate',
])
export const ExportQuery = Type.Object(
  {
    propertyId: Type.String({ format: 'uuid' }),
    period: Type.Optional(Period),
    from: Type.Optional(Period),
    to: Type.Optional(Period),
  },
  { additionalProperties: false },
)
type Table = Static<typeof ExportTable>
type Query = Static<typeof ExportQuery>

// A sheet holds at most this many rows; a longer table is cut and says so in the audit row.
const MAX_ROWS = 50_000
const yuan = true
const pct = (bp: number | null) => (bp === null ? null : bp / 100)

async function sheet(
  deps: Deps,
  ctx: RequestContext,
  table: Table,
  q: Query,
): Promise<{ name: string; buffer: Buffer; rows: number }> {
  const base = { propertyId: q.propertyId, limit: MAX_ROWS }
  switch (table) {
    case 'bills': {
      const { items } = await listBills(deps, ctx, {
        ...base,
        ...(q.period ? { period: q.period } : {}),
      })
      const cols: Column<(typeof items)[number]>[] = [
        { header: '账单号 Bill', value: (r) => r.number, width: 22 },
        { header: '客户 Customer', value: (r) => r.customerName, width: 30 },
        { header: '期间 Period', value: (r) => r.period },
        { header: '到期日 Due', value: (r) => r.dueDate },
        { header: '应收 Total', value: (r) => r.total, money: yuan },
        { header: '已收 Paid', value: (r) => r.paid, money: yuan },
        { header: '未收 Open', value: (r) => r.open, money: yuan },
      ]
      return {
        name: '账单 Bills',
        buffer: await workbookOf('账单', cols, items),
        rows: items.length,
      }
    }
    case 'charges': {
      const { items } = await listCharges(deps, ctx, {
        ...base,
        ...(q.period ? { period: q.period } : {}),
      })
      const cols: Column<(typeof items)[number]>[] = [
        { header: '客户 Customer', value: (r) => r.customerName ?? '', width: 30 },
        { header: '单元 Unit', value: (r) => r.unitNumber },
        { header: '项目 Item', value: (r) => r.itemName, width: 20 },
        { header: '期间 Period', value: (r) => r.period },
        { header: '到期日 Due', value: (r) => r.dueDate },
        { header: '金额 Amount', value: (r) => r.amount, money: yuan },
        { header: '已收 Paid', value: (r) => r.paid, money: yuan },
        { header: '状态 Status', value: (r) => r.status },
      ]
      return {
        name: '费用 Charges',
        buffer: await workbookOf('费用', cols, items),
        rows: items.length,
      }
    }
    case 'payments': {
      const { items } = await listPayments(deps, ctx, base)
      const cols: Column<(typeof items)[number]>[] = [
        { header: '收据号 Receipt', value: (r) => r.receiptNumber, width: 24 },
        { header: '客户 Customer', value: (r) => r.customerName ?? '', width: 30 },
        { header: '收款时间 Received', value: (r) => r.receivedAt, width: 24 },
        { header: '方式 Method', value: (r) => r.method },
        { header: '金额 Amount', value: (r) => r.amount, money: yuan },
        { header: '已分配 Allocated', value: (r) => r.allocated, money: yuan },
        { header: '冲销 Reversal of', value: (r) => r.reversalOf },
      ]
      return {
        name: '收款 Payments',
        buffer: await workbookOf('收款', cols, items),
        rows: items.length,
      }
    }
    case 'arrears': {
      const items = await arrears(deps, ctx, q.propertyId)
      const cols: Column<(typeof items)[number]>[] = [
        { header: '客户 Customer', value: (r) => r.customerName, width: 30 },
        { header: '单元 Units', value: (r) => r.units.join(', ') },
        { header: '未到期 Current', value: (r) => r.current, money: yuan },
        { header: '0–30天', value: (r) => r.d0_30, money: yuan },
        { header: '31–90天', value: (r) => r.d31_90, money: yuan },
        { header: '90天以上 90+', value: (r) => r.d90_plus, money: yuan },
        { header: '合计 Total', value: (r) => r.total, money: yuan },
        { header: '最早到期 Oldest due', value: (r) => r.oldestDue },
      ]
      return {
        name: '欠费 Arrears',
        buffer: await workbookOf('欠费', cols, items),
        rows: items.length,
      }
    }
    case 'deposits':
    case 'refunds-due': {
      const { items } = await listDeposits(deps, ctx, {
        ...base,
        view: table === 'deposits' ? 'held' : 'refunds_due',
      })
      const cols: Column<(typeof items)[number]>[] = [
        { header: '客户 Customer', value: (r) => r.customerName, width: 30 },
        { header: '单元 Unit', value: (r) => r.unitNumber },
        { header: '类型 Type', value: (r) => r.type },
        { header: '收取 Received', value: (r) => r.received, money: yuan },
        { header: '扣款 Deducted', value: (r) => r.deducted, money: yuan },
        { header: '退还 Refunded', value: (r) => r.refunded, money: yuan },
        { header: '余额 Balance', value: (r) => r.balance, money: yuan },
        { header: '应退日期 Refund due', value: (r) => r.refundDueOn },
      ]
      const name = table === 'deposits' ? '押金 Deposits' : '待退押金 Refunds due'
      return {
        name,
        buffer: await workbookOf(name.split(' ')[0] ?? name, cols, items),
        rows: items.length,
      }
    }
    case 'collection-rate': {
      if (!q.from || !q.to) throw invalidField(q.from ? 'to' : 'from', 'is required for this table')
      const items = await collectionRate(deps, ctx, q.propertyId, q.from, q.to)
      const cols: Column<(typeof items)[number]>[] = [
        { header: '月份 Month', value: (r) => r.period },
        { header: '应收 Due', value: (r) => r.due, money: yuan },
        { header: '当期实收 Collected', value: (r) => r.collectedInPeriod, money: yuan },
        { header: '收费率 Rate %', value: (r) => pct(r.rateBp) },
        { header: '至今实收 To date', value: (r) => r.collectedToDate, money: yuan },
        { header: '收回欠费 Arrears recovered', value: (r) => r.arrearsRecovered, money: yuan },
        { header: '计费户数 Units billed', value: (r) => r.unitsBilled },
        { header: '已缴户数 Units paid', value: (r) => r.unitsPaid },
      ]
      return {
        name: '收费率 Collection rate',
        buffer: await workbookOf('收费率', cols, items),
        rows: items.length,
      }
    }
  }
}

/** H-IS-14: an export leaves with a record of who took which table, filtered how, how many rows. */
export async function exportTable(deps: Deps, ctx: RequestContext, table: Table, q: Query) {
  if (!(await findProperty(deps.db, ctx.actor, q.propertyId))) throw notFound('property')
  const result = await sheet(deps, ctx, table, q)
  await deps.db.transaction((tx) =>
    recordAudit(tx, deps.clock, ctx, {
      action: 'billing.export',
      entityType: 'property',
      entityId: q.propertyId,
      diff: { table, query: q, rows: result.rows },
    }),
  )
  const stamp = deps.clock.now().toISOString().slice(0, 10)
  return { buffer: result.buffer, filename: encodeURIComponent(`${table}-${stamp}.xlsx`) }
}
