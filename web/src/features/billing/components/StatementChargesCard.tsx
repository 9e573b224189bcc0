import { RollbackOutlined } from '@ant-design/icons'
import { Button, Card, Table, Tag } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCurrentProperty } from '../../../app/property/property-context'
import { todayIn } from '../../../ui/format'
import { formatFen } from '../../../ui/money'
import { type Charge, useReverseCharge } from '../api'
import { CHARGE_STATUS_COLOR, chargeStatusShown } from '../labels'
import { ReasonModal } from './ReasonModal'

type Props = { charges: Charge[]; canManage: boolean }

export function StatementChargesCard({ charges, canManage }: Props) {
  const { t } = useTranslation()
  const { timeZone } = useCurrentProperty()
  const reverse = useReverseCharge()
  const [reversing, setReversing] = useState<Charge | null>(null)
  const today = todayIn(timeZone)

  const columns: ColumnsType<Charge> = [
    { title: t('billing.period'), dataIndex: 'period', width: 90 },
    {
      title: t('charge.item'),
      dataIndex: 'itemName',
      render: (name: string, c) => (
        <>
          {name}
          {c.description && c.description !== name && (
            <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>{c.description}</div>
          )}
        </>
      ),
    },
    { title: t('charge.unit'), dataIndex: 'unitNumber', render: (u: string | null) => u ?? '—' },
    { title: t('billing.dueDate'), dataIndex: 'dueDate', width: 110 },
    { title: t('billing.amount'), dataIndex: 'amount', align: 'right', render: formatFen },
    { title: t('bill.paid'), dataIndex: 'paid', align: 'right', render: formatFen },
    { title: t('bill.open'), dataIndex: 'open', align: 'right', render: formatFen },
    {
      title: t('charge.status'),
      key: 'status',
      render: (_, c) => {
        const shown = chargeStatusShown(c, today)
        return (
          <Tag color={CHARGE_STATUS_COLOR[shown]} title={c.reversalReason ?? undefined}>
            {t(`chargeStatus.${shown}`)}
          </Tag>
        )
      },
    },
  ]
  if (canManage)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, c) =>
        c.status !== 'reversed' && (
          <Button size="small" icon={<RollbackOutlined />} onClick={() => setReversing(c)}>
            {t('billing.reverse')}
          </Button>
        ),
    })

  return (
    <Card title={t('statement.charges')}>
      <Table<Charge>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={charges}
        pagination={charges.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
      />
      {reversing && (
        <ReasonModal
          title={t('statement.reverseChargeTitle', {
            item: reversing.itemName,
            period: reversing.period,
          })}
          description={<p>{t('statement.reverseChargeHint')}</p>}
          pending={reverse.isPending}
          onClose={() => setReversing(null)}
          onSubmit={(key, reason) => reverse.mutateAsync({ key, id: reversing.id, reason })}
        />
      )}
    </Card>
  )
}
