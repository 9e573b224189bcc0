import { Alert, Button, Descriptions, Drawer, Skeleton, Table, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCan } from '../../../app/auth/me-context'
import { useCurrentProperty } from '../../../app/property/property-context'
import { errorMessage } from '../../../ui/errors'
import { formatDateTime } from '../../../ui/format'
import { formatFen } from '../../../ui/money'
import { type DepositEntry, useDeposit } from '../api'
import { DepositActionModal } from './DepositActionModal'

const ENTRY_COLOR: Record<DepositEntry['kind'], string> = {
  received: 'green',
  deducted: 'orange',
  refunded: 'blue',
}

/** One deposit: its figures, its ledger, and (for finance) deduct and refund. */
export function DepositDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation()
  const can = useCan()
  const { timeZone } = useCurrentProperty()
  const deposit = useDeposit(id)
  const [action, setAction] = useState<'deduct' | 'refund' | null>(null)
  const d = deposit.data
  const canAct = can('billing.manage') && d !== undefined && d.balance > 0

  return (
    <Drawer
      open
      size={720}
      title={d ? `${t(`depositType.${d.type}`)} · ${d.customerName}` : t('deposit.details')}
      onClose={onClose}
      extra={
        canAct && (
          <>
            <Button onClick={() => setAction('deduct')} style={{ marginRight: 8 }}>
              {t('deposit.deduct')}
            </Button>
            <Button type="primary" onClick={() => setAction('refund')}>
              {t('deposit.refund')}
            </Button>
          </>
        )
      }
    >
      {deposit.isPending && <Skeleton active />}
      {deposit.isError && <Alert type="error" title={errorMessage(t, deposit.error)} />}
      {d && (
        <>
          <Descriptions column={2} size="small" bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('deposit.unit')}>{d.unitNumber ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('deposit.refundDueOn')}>
              {d.refundDueOn ?? t('deposit.noRefundDate')}
            </Descriptions.Item>
            <Descriptions.Item label={t('deposit.received')}>
              {formatFen(d.received)}
            </Descriptions.Item>
            <Descriptions.Item label={t('deposit.deducted')}>
              {formatFen(d.deducted)}
            </Descriptions.Item>
            <Descriptions.Item label={t('deposit.refunded')}>
              {formatFen(d.refunded)}
            </Descriptions.Item>
            <Descriptions.Item label={t('deposit.balance')}>
              <b>{formatFen(d.balance)}</b>
            </Descriptions.Item>
          </Descriptions>
          <Table<DepositEntry>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.entries}
            columns={[
              {
                title: t('deposit.entryAt'),
                dataIndex: 'at',
                render: (at: string) => formatDateTime(at, timeZone),
              },
              {
                title: t('deposit.entryKind'),
                dataIndex: 'kind',
                render: (k: DepositEntry['kind']) => (
                  <Tag color={ENTRY_COLOR[k]}>{t(`depositEntry.${k}`)}</Tag>
                ),
              },
              {
                title: t('billing.amount'),
                dataIndex: 'amount',
                align: 'right',
                render: formatFen,
              },
              {
                title: t('payment.method'),
                dataIndex: 'method',
                render: (m: DepositEntry['method']) => (m ? t(`paymentMethod.${m}`) : '—'),
              },
              {
                title: t('payment.receiptNumber'),
                dataIndex: 'receiptNumber',
                render: (r: string | null) => r ?? '—',
              },
              { title: t('billing.reason'), dataIndex: 'reason', render: (r: string) => r || '—' },
            ]}
          />
        </>
      )}
      {action && d && (
        <DepositActionModal action={action} deposit={d} onClose={() => setAction(null)} />
      )}
    </Drawer>
  )
}
