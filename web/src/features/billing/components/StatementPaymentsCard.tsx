import { Card, Table, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { useCurrentProperty } from '../../../app/property/property-context'
import { formatDateTime } from '../../../ui/format'
import { formatFen } from '../../../ui/money'
import type { Payment } from '../api'

export function StatementPaymentsCard({ payments }: { payments: Payment[] }) {
  const { t } = useTranslation()
  const { timeZone } = useCurrentProperty()
  return (
    <Card title={t('statement.payments')}>
      <Table<Payment>
        rowKey="id"
        size="small"
        dataSource={payments}
        pagination={payments.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('payment.receivedAt'),
            dataIndex: 'receivedAt',
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
          { title: t('billing.amount'), dataIndex: 'amount', align: 'right', render: formatFen },
          {
            title: t('payment.allocated'),
            dataIndex: 'allocated',
            align: 'right',
            render: formatFen,
          },
          {
            title: t('payment.method'),
            dataIndex: 'method',
            render: (m: Payment['method']) => t(`paymentMethod.${m}`),
          },
          {
            title: t('payment.reference'),
            dataIndex: 'reference',
            render: (r: string) => r || '—',
          },
        ]}
      />
    </Card>
  )
}
