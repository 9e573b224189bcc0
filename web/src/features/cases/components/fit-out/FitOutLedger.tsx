// 押金与费用 (H-FO-3, H-FO-14, H-FO-15): the case's own deposit and charges in finance's ledger —
// received, deducted for damage, refunded, the day the refund falls due — for those who may read
// billing; finance takes the money from here.
import { Alert, Button, Card, Descriptions, Flex, Skeleton, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCan, useCurrentUser } from '../../../../app/auth/me-context'
import { errorMessage } from '../../../../ui/errors'
import { formatDateTime } from '../../../../ui/format'
import { formatFen } from '../../../../ui/money'
import type { Charge, Deposit, DepositEntry } from '../../../billing/api'
import type { CaseDetail } from '../../api'
import { useCaseCharges, useCaseDeposits } from '../../fit-out-api'
import { StepButton } from '../StepButton'
import { fitOutData } from './fit-out-data'
import { FitOutMoneyModal, type MoneyStep } from './FitOutMoneyModals'

const CHARGE_COLOUR = { open: 'orange', paid: 'green', reversed: 'default' } as const

function DepositEntries({ entries, timeZone }: { entries: DepositEntry[]; timeZone: string }) {
  const { t } = useTranslation()
  return (
    <Flex vertical gap={2}>
      {entries.map((e) => (
        <Typography.Text key={e.id} style={{ fontSize: 12 }}>
          {formatDateTime(e.at, timeZone).slice(0, 16)} · {t(`depositEntry.${e.kind}`)}{' '}
          {formatFen(e.amount)}
          {e.method && ` · ${t(`paymentMethod.${e.method}`)}`}
          {e.receiptNumber && ` · ${e.receiptNumber}`}
          {e.reason && ` · ${e.reason}`}
        </Typography.Text>
      ))}
    </Flex>
  )
}

function RefundLine({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation()
  const data = fitOutData(detail)
  if (data.refundedOn)
    return <Tag color="green">{t('cases.fitOut.ledger.refunded', { date: data.refundedOn })}</Tag>
  if (!data.refundDueOn)
    return (
      <Typography.Text type="secondary">{t('cases.fitOut.ledger.refundAfter')}</Typography.Text>
    )
  return (
    <Flex gap={8} align="center" wrap>
      <Typography.Text strong>{data.refundDueOn}</Typography.Text>
      <Tag color={data.refundDue ? 'red' : 'blue'}>
        {t(
          data.refundDue
            ? 'cases.fitOut.ledger.refundDueNow'
            : 'cases.fitOut.ledger.refundScheduled',
        )}
      </Tag>
      {data.reinspectedOn && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('cases.fitOut.ledger.refundRule', { date: data.reinspectedOn })}
        </Typography.Text>
      )}
    </Flex>
  )
}

export function FitOutLedger({ detail, timeZone }: { detail: CaseDetail; timeZone: string }) {
  const { t } = useTranslation()
  const can = useCan()
  const customer = useCurrentUser().kind === 'customer'
  const readable = can('billing.read')
  const finance = can('billing.manage') && Boolean(detail.customerId)
  const deposits = useCaseDeposits(detail.id, detail.version, readable)
  const charges = useCaseCharges(detail.id, detail.version, readable)
  const [step, setStep] = useState<MoneyStep | null>(null)
  if (!readable) return null
  const held = (deposits.data ?? []).filter((d) => d.type === 'fit_out')
  const chargeList = charges.data ?? []
  const open = chargeList.filter((c) => c.status === 'open' && c.open > 0)
  const hasDebris = chargeList.some(
    (c) => c.itemCode === 'debris_removal' && c.status !== 'reversed',
  )
  const early = ['applied', 'agreement_signed'].includes(detail.state)

  return (
    <Card
      size="small"
      title={t('cases.fitOut.ledger.title')}
      extra={
        <Flex gap={8} wrap>
          {finance && early && held.length === 0 && (
            <Button size="small" onClick={() => setStep('deposit')}>
              {t('cases.fitOut.ledger.deposit')}
            </Button>
          )}
          {finance && early && !hasDebris && (
            <Button size="small" onClick={() => setStep('debris')}>
              {t('cases.fitOut.ledger.debris')}
            </Button>
          )}
          {finance && open.length > 0 && (
            <Button size="small" type="primary" onClick={() => setStep('payment')}>
              {t('cases.fitOut.ledger.payment')}
            </Button>
          )}
          <StepButton detail={detail} action="confirm_fees" type="primary" />
          <StepButton detail={detail} action="refund_deposit" type="primary" />
        </Flex>
      }
    >
      {(deposits.isPending || charges.isPending) && <Skeleton active paragraph={{ rows: 2 }} />}
      {deposits.isError && <Alert type="error" title={errorMessage(t, deposits.error)} />}
      {charges.isError && <Alert type="error" title={errorMessage(t, charges.error)} />}
      {deposits.data && charges.data && (
        <Flex vertical gap={12}>
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'refund',
                label: t('deposit.refundDueOn'),
                children: <RefundLine detail={detail} />,
              },
            ]}
          />
          <Table<Deposit>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={deposits.data}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('cases.fitOut.ledger.noDeposit') }}
            expandable={{
              expandedRowRender: (d) => <DepositEntries entries={d.entries} timeZone={timeZone} />,
            }}
            columns={[
              {
                title: t('deposit.type'),
                dataIndex: 'type',
                render: (x: string) => t(`depositType.${x}`),
              },
              {
                title: t('deposit.received'),
                dataIndex: 'received',
                align: 'right',
                render: formatFen,
              },
              {
                title: t('deposit.deducted'),
                dataIndex: 'deducted',
                align: 'right',
                render: formatFen,
              },
              {
                title: t('deposit.refunded'),
                dataIndex: 'refunded',
                align: 'right',
                render: formatFen,
              },
              {
                title: t('deposit.balance'),
                dataIndex: 'balance',
                align: 'right',
                render: (fen: number) => <b>{formatFen(fen)}</b>,
              },
            ]}
          />
          <Table<Charge>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={chargeList}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('cases.fitOut.ledger.noCharges') }}
            columns={[
              { title: t('charge.item'), dataIndex: 'itemName' },
              { title: t('charge.description'), dataIndex: 'description' },
              {
                title: t('billing.amount'),
                dataIndex: 'amount',
                align: 'right',
                render: formatFen,
              },
              { title: t('bill.open'), dataIndex: 'open', align: 'right', render: formatFen },
              {
                title: t('charge.status'),
                dataIndex: 'status',
                render: (s: Charge['status']) => (
                  <Tag color={CHARGE_COLOUR[s]}>{t(`chargeStatus.${s}`)}</Tag>
                ),
              },
            ]}
          />
          {early && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(
                customer ? 'cases.fitOut.ledger.feesHintCustomer' : 'cases.fitOut.ledger.feesHint',
              )}
            </Typography.Text>
          )}
        </Flex>
      )}
      {step && (
        <FitOutMoneyModal detail={detail} step={step} open={open} onClose={() => setStep(null)} />
      )}
    </Card>
  )
}
