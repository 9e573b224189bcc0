import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons'
import { Button, Flex, Result, Skeleton } from 'antd'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { useCurrentUser } from '../../app/auth/me-context'
import { useCurrentProperty } from '../../app/property/property-context'
import { errorMessage } from '../../ui/errors'
import { formatDateTime } from '../../ui/format'
import { formatFen } from '../../ui/money'
import { type Charge, type Payment, useCustomerDeposits, useStatement } from '../billing/api'
import { useCase, useRecordPrint } from './api'
import './moves.css'

/**
 * 费用清算单 (H-MO-3, H-MO-6): what the customer owed when moving out and how it was settled —
 * open items, payments and refunds since the request, deposit deductions and refunds — with
 * signature lines. Opening it is recorded like every print of customer data (H-IS-14).
 */
export function SettlementPrintPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const me = useCurrentUser()
  const { timeZone } = useCurrentProperty()
  const query = useCase(id)
  const customerId = query.data?.customerId ?? undefined
  const statement = useStatement(customerId)
  const deposits = useCustomerDeposits(customerId)
  const { mutate } = useRecordPrint()
  const recorded = useRef<string | null>(null)

  useEffect(() => {
    if (!query.data || recorded.current === id) return
    recorded.current = id
    mutate({ id, document: 'settlement' })
  }, [id, query.data, mutate])

  const failed = query.error ?? statement.error ?? deposits.error
  if (failed) return <Result status="error" title={errorMessage(t, failed)} />
  if (!query.data || !statement.data || !deposits.data) return <Skeleton active />
  const c = query.data
  const s = statement.data
  const at = (iso: string) => formatDateTime(iso, timeZone).slice(0, 16)
  const since = c.createdAt
  // Payments (and credit refunds) taken since the move-out was requested, and what they paid.
  const payments: Payment[] = s.payments.filter((p) => p.receivedAt >= since)
  const paidNow = new Set(payments.flatMap((p) => (p.allocations ?? []).map((a) => a.chargeId)))
  const charges: Charge[] = s.charges.filter(
    (ch) => ch.status !== 'reversed' && (ch.open > 0 || ch.caseId === c.id || paidNow.has(ch.id)),
  )
  const entries = deposits.data.flatMap((d) =>
    d.entries
      .filter((e) => e.kind !== 'received')
      .map((e) => ({ ...e, deposit: t(`depositType.${d.type}`) })),
  )
  const moveOutDate = typeof c.data.moveOutDate === 'string' ? c.data.moveOutDate : '—'

  return (
    <>
      <Flex className="no-print" justify="space-between" style={{ marginBottom: 16 }}>
        <Link to={`/cases/${c.id}`}>
          <ArrowLeftOutlined /> {t('cases.print.back')}
        </Link>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('cases.print.print')}
        </Button>
      </Flex>
      <article className="print-sheet case-record settlement-sheet">
        <header>
          <div className="case-record-building">{c.propertyName}</div>
          <h1>{t('cases.settlement.title')}</h1>
          <div className="case-record-meta">
            <span>
              {t('cases.col.number')}：{c.number}
            </span>
            <span>
              {t('cases.field.moveOutDate')}：{moveOutDate}
            </span>
          </div>
        </header>
        <table className="case-record-table">
          <tbody>
            <tr>
              <th>{t('cases.field.customer')}</th>
              <td>{s.customerName}</td>
              <th>{t('cases.field.unit')}</th>
              <td>{c.unitNumber ?? '—'}</td>
            </tr>
          </tbody>
        </table>
        <h2>{t('cases.settlement.charges')}</h2>
        <table className="case-record-table case-record-history">
          <thead>
            <tr>
              <th>{t('billing.period')}</th>
              <th>{t('charge.item')}</th>
              <th className="money">{t('billing.amount')}</th>
              <th className="money">{t('bill.paid')}</th>
              <th className="money">{t('bill.open')}</th>
            </tr>
          </thead>
          <tbody>
            {charges.length === 0 && (
              <tr>
                <td colSpan={5}>{t('cases.settlement.none')}</td>
              </tr>
            )}
            {charges.map((ch) => (
              <tr key={ch.id}>
                <td className="nowrap">{ch.period}</td>
                <td>
                  {ch.description && ch.description !== ch.itemName ? ch.description : ch.itemName}
                </td>
                <td className="money">{formatFen(ch.amount)}</td>
                <td className="money">{formatFen(ch.paid)}</td>
                <td className="money">{formatFen(ch.open)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{t('cases.settlement.payments')}</h2>
        <table className="case-record-table case-record-history">
          <thead>
            <tr>
              <th>{t('payment.receivedAt')}</th>
              <th>{t('payment.receiptNumber')}</th>
              <th>{t('payment.method')}</th>
              <th className="money">{t('billing.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {payments.length === 0 && (
              <tr>
                <td colSpan={4}>{t('cases.settlement.none')}</td>
              </tr>
            )}
            {payments.map((p) => (
              <tr key={p.id}>
                <td className="nowrap">{at(p.receivedAt)}</td>
                <td>
                  {p.receiptNumber}
                  {p.amount < 0 && ` ${t('cases.settlement.refund')}`}
                </td>
                <td>{t(`paymentMethod.${p.method}`)}</td>
                <td className="money">{formatFen(p.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{t('cases.settlement.deposits')}</h2>
        <table className="case-record-table case-record-history">
          <thead>
            <tr>
              <th>{t('deposit.type')}</th>
              <th className="money">{t('deposit.received')}</th>
              <th className="money">{t('deposit.deducted')}</th>
              <th className="money">{t('deposit.refunded')}</th>
              <th className="money">{t('deposit.balance')}</th>
            </tr>
          </thead>
          <tbody>
            {deposits.data.length === 0 && (
              <tr>
                <td colSpan={5}>{t('cases.settlement.none')}</td>
              </tr>
            )}
            {deposits.data.map((d) => (
              <tr key={d.id}>
                <td>
                  {t(`depositType.${d.type}`)} {d.unitNumber ?? ''}
                </td>
                <td className="money">{formatFen(d.received)}</td>
                <td className="money">{formatFen(d.deducted)}</td>
                <td className="money">{formatFen(d.refunded)}</td>
                <td className="money">{formatFen(d.balance)}</td>
              </tr>
            ))}
            {entries.map((e) => (
              <tr key={e.id}>
                <td colSpan={4} className="pre">
                  {at(e.at)} {e.deposit} {t(`depositEntry.${e.kind}`)}
                  {e.reason && `：${e.reason}`}
                </td>
                <td className="money">{formatFen(e.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{t('cases.settlement.summary')}</h2>
        <table className="case-record-table">
          <tbody>
            <tr>
              <th>{t('statement.open')}</th>
              <td className="money">{formatFen(s.open)}</td>
              <th>{t('statement.credit')}</th>
              <td className="money">{formatFen(s.credit)}</td>
            </tr>
            <tr>
              <th>{t('statement.depositsHeld')}</th>
              <td className="money">{formatFen(s.depositsHeld)}</td>
              <th>{t('cases.settlement.result')}</th>
              <td>
                <strong>
                  {t(
                    s.open === 0 && s.credit === 0 && s.depositsHeld === 0
                      ? 'cases.moveOut.settled'
                      : 'cases.moveOut.notSettled',
                  )}
                </strong>
              </td>
            </tr>
          </tbody>
        </table>
        <div className="signature-lines">
          <div>{t('cases.settlement.signCustomer')}</div>
          <div>{t('cases.settlement.signDesk')}</div>
          <div>{t('cases.settlement.signFinance')}</div>
          <div>{t('cases.settlement.signDate')}</div>
        </div>
        <footer>
          {t('cases.print.printedBy', { name: me.displayName, at: at(new Date().toISOString()) })}
        </footer>
      </article>
    </>
  )
}
