import { ArrowLeftOutlined, DollarOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Flex, Popconfirm, Result, Skeleton, Statistic } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { isApiError } from '../../api/client'
import { useCan } from '../../app/auth/me-context'
import { useCurrentProperty } from '../../app/property/property-context'
import { errorMessage } from '../../ui/errors'
import { formatFen } from '../../ui/money'
import { PageHeader } from '../../ui/PageHeader'
import { useApplyCredit, useRefundCredit, useStatement } from './api'
import { IssueReminderButton } from './components/IssueReminderButton'
import { PostChargeModal } from './components/PostChargeModal'
import { RecordPaymentModal } from './components/RecordPaymentModal'
import { RemindersCard } from './components/RemindersCard'
import { StatementChargesCard } from './components/StatementChargesCard'
import { StatementPaymentsCard } from './components/StatementPaymentsCard'
import { useIdempotencyKey } from './useIdempotencyKey'

/** 客户对账单: what a customer was charged, paid and still owes. */
export function StatementPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const { message } = App.useApp()
  const can = useCan()
  const { propertyId } = useCurrentProperty()
  const statement = useStatement(id)
  const applyCredit = useApplyCredit()
  const creditKey = useIdempotencyKey()
  const refundCredit = useRefundCredit()
  const refundKey = useIdempotencyKey()
  const [modal, setModal] = useState<'payment' | 'charge' | null>(null)
  const manage = can('billing.manage')

  if (statement.isPending) return <Skeleton active />
  if (statement.isError) {
    const missing = isApiError(statement.error) && statement.error.status === 404
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('statement.notFound') : errorMessage(t, statement.error)}
        extra={<Link to="/billing/arrears">{t('statement.backToArrears')}</Link>}
      />
    )
  }
  const data = statement.data

  const onApplyCredit = () =>
    applyCredit.mutate(
      // a new key once the balance changed: the same credit is applied once
      { key: creditKey({ id, credit: data.credit, open: data.open }), customerId: id },
      {
        onSuccess: ({ applied }) =>
          void message.success(t('statement.creditApplied', { amount: formatFen(applied) })),
        onError: (error) => void message.error(errorMessage(t, error)),
      },
    )

  // H-MO-6: credit nobody will use (nothing left to pay) goes back to the customer.
  const onRefundCredit = () =>
    refundCredit.mutate(
      { key: refundKey({ id, credit: data.credit }), customerId: id, method: 'bank_transfer' },
      {
        onSuccess: (refund) =>
          void message.success(t('statement.creditRefunded', { receipt: refund.receiptNumber })),
        onError: (error) => void message.error(errorMessage(t, error)),
      },
    )

  const totals: [string, number, string?][] = [
    ['statement.charged', data.charged],
    ['statement.paid', data.paid],
    ['statement.open', data.open, data.open > 0 ? '#d46b08' : undefined],
    ['statement.overdue', data.overdue, data.overdue > 0 ? '#cf1322' : undefined],
    ['statement.credit', data.credit],
    ['statement.balance', data.balance, data.balance > 0 ? '#cf1322' : undefined],
    ['statement.depositsHeld', data.depositsHeld],
  ]

  return (
    <>
      <Link to={`/customers/${id}`}>
        <ArrowLeftOutlined /> {t('statement.backToCustomer')}
      </Link>
      <PageHeader
        title={t('statement.title', { name: data.customerName })}
        extra={
          manage && (
            <>
              <Button type="primary" icon={<DollarOutlined />} onClick={() => setModal('payment')}>
                {t('payments.record')}
              </Button>
              <Button icon={<PlusOutlined />} onClick={() => setModal('charge')}>
                {t('statement.postCharge')}
              </Button>
              {data.credit > 0 && data.open > 0 && (
                <Popconfirm
                  title={t('statement.applyCreditConfirm', { amount: formatFen(data.credit) })}
                  onConfirm={onApplyCredit}
                >
                  <Button loading={applyCredit.isPending}>{t('statement.applyCredit')}</Button>
                </Popconfirm>
              )}
              {data.credit > 0 && data.open === 0 && (
                <Popconfirm
                  title={t('statement.refundCreditConfirm', { amount: formatFen(data.credit) })}
                  onConfirm={onRefundCredit}
                >
                  <Button loading={refundCredit.isPending}>{t('statement.refundCredit')}</Button>
                </Popconfirm>
              )}
              <IssueReminderButton customerId={id} disabled={data.overdue <= 0} />
            </>
          )
        }
      />
      <Flex vertical gap={16}>
        <Card>
          <Flex wrap gap={32}>
            {totals.map(([key, fen, color]) => (
              <Statistic
                key={key}
                title={t(key)}
                value={formatFen(fen)}
                styles={{ content: { color, fontSize: 20 } }}
              />
            ))}
          </Flex>
        </Card>
        {data.credit > 0 && data.open > 0 && (
          <Alert type="info" showIcon title={t('statement.creditHint')} />
        )}
        <StatementChargesCard charges={data.charges} canManage={manage} />
        <StatementPaymentsCard payments={data.payments} />
        <RemindersCard customerId={id} />
      </Flex>
      {modal === 'payment' && propertyId && (
        <RecordPaymentModal
          propertyId={propertyId}
          customerId={id}
          customerName={data.customerName}
          onClose={() => setModal(null)}
        />
      )}
      {modal === 'charge' && <PostChargeModal customerId={id} onClose={() => setModal(null)} />}
    </>
  )
}
