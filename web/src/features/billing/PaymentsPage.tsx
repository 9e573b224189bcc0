import { PlusOutlined, RollbackOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Empty, Table, Tag } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useCan } from '../../app/auth/me-context'
import { useCurrentProperty } from '../../app/property/property-context'
import { errorMessage } from '../../ui/errors'
import { formatDateTime } from '../../ui/format'
import { LoadMore } from '../../ui/LoadMore'
import { formatFen } from '../../ui/money'
import { PageHeader } from '../../ui/PageHeader'
import { type Payment, usePayments } from './api'
import { ExportButton } from './components/ExportButton'
import { RecordPaymentModal } from './components/RecordPaymentModal'
import { ReversePaymentModal } from './components/ReversePaymentModal'

export function PaymentsPage() {
  const { t } = useTranslation()
  const can = useCan()
  const { propertyId, timeZone } = useCurrentProperty()
  const [recording, setRecording] = useState(false)
  const [reversing, setReversing] = useState<Payment | null>(null)
  const payments = usePayments(propertyId)
  const rows = payments.data?.pages.flatMap((p) => p.items) ?? []

  const columns: ColumnsType<Payment> = [
    {
      title: t('payment.receivedAt'),
      dataIndex: 'receivedAt',
      width: 170,
      render: (at: string) => formatDateTime(at, timeZone),
    },
    {
      title: t('payment.receiptNumber'),
      dataIndex: 'receiptNumber',
      render: (n: string, p) => (
        <>
          {n} {p.reversedBy && <Tag>{t('payment.reversedTag')}</Tag>}
          {p.reversalOf && <Tag color="red">{t('payment.reversalTag')}</Tag>}
        </>
      ),
    },
    {
      title: t('billing.customer'),
      dataIndex: 'customerName',
      render: (name: string | undefined, p) => (
        <Link to={`/billing/customers/${p.customerId}`}>{name ?? p.customerId.slice(0, 8)}</Link>
      ),
    },
    { title: t('billing.amount'), dataIndex: 'amount', align: 'right', render: formatFen },
    { title: t('payment.allocated'), dataIndex: 'allocated', align: 'right', render: formatFen },
    {
      title: t('payment.method'),
      dataIndex: 'method',
      render: (m: Payment['method']) => t(`paymentMethod.${m}`),
    },
    { title: t('payment.reference'), dataIndex: 'reference', render: (r: string) => r || '—' },
  ]
  if (can('billing.manage'))
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, p) =>
        !p.reversalOf &&
        !p.reversedBy && (
          <Button size="small" icon={<RollbackOutlined />} onClick={() => setReversing(p)}>
            {t('billing.reverse')}
          </Button>
        ),
    })

  if (!propertyId) return <Empty description={t('property.none')} />

  return (
    <>
      <PageHeader
        title={t('payments.title')}
        extra={
          <>
            <ExportButton table="payments" query={{ propertyId }} />
            {can('billing.manage') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
                {t('payments.record')}
              </Button>
            )}
          </>
        }
      />
      <Card>
        {payments.isError && (
          <Alert
            type="error"
            title={errorMessage(t, payments.error)}
            style={{ marginBottom: 16 }}
          />
        )}
        <Table<Payment>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={payments.isPending || (payments.isFetching && !payments.isFetchingNextPage)}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
        <LoadMore
          shown={rows.length}
          hasMore={payments.hasNextPage}
          loading={payments.isFetchingNextPage}
          onLoad={() => void payments.fetchNextPage()}
        />
      </Card>
      {recording && (
        <RecordPaymentModal propertyId={propertyId} onClose={() => setRecording(false)} />
      )}
      {reversing && <ReversePaymentModal payment={reversing} onClose={() => setReversing(null)} />}
    </>
  )
}
