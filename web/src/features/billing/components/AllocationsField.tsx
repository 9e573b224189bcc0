import { Alert, Input, Table } from 'antd'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../ui/errors'
import { fenToYuanText, formatFen } from '../../../ui/money'
import { type Charge, useOpenCharges } from '../api'

export type AllocationValue = { chargeId: string; amount: string }[]

type Props = {
  customerId: string
  value?: AllocationValue
  onChange?: (value: AllocationValue) => void
}

/** Chooses which open charges a payment settles, and how much of each (typed in yuan). */
export function AllocationsField({ customerId, value = [], onChange }: Props) {
  const { t } = useTranslation()
  const charges = useOpenCharges(customerId)
  const chosen = new Map(value.map((a) => [a.chargeId, a.amount]))
  const rows = charges.data ?? []

  const select = (ids: string[]) =>
    onChange?.(
      rows
        .filter((c) => ids.includes(c.id))
        .map((c) => ({ chargeId: c.id, amount: chosen.get(c.id) ?? fenToYuanText(c.open) })),
    )
  const setAmount = (chargeId: string, amount: string) =>
    onChange?.(value.map((a) => (a.chargeId === chargeId ? { chargeId, amount } : a)))

  if (charges.isError) return <Alert type="error" title={errorMessage(t, charges.error)} />
  return (
    <Table<Charge>
      rowKey="id"
      size="small"
      pagination={false}
      loading={charges.isPending}
      dataSource={rows}
      scroll={{ y: 240 }}
      locale={{ emptyText: t('payments.noOpenCharges') }}
      rowSelection={{
        selectedRowKeys: value.map((a) => a.chargeId),
        onChange: (keys) => select(keys.map(String)),
      }}
      columns={[
        { title: t('billing.period'), dataIndex: 'period', width: 90 },
        { title: t('charge.item'), dataIndex: 'itemName' },
        { title: t('billing.dueDate'), dataIndex: 'dueDate', width: 110 },
        { title: t('bill.open'), dataIndex: 'open', align: 'right', render: formatFen },
        {
          title: t('payments.allocate'),
          key: 'allocate',
          width: 140,
          render: (_, c) =>
            chosen.has(c.id) ? (
              <Input
                size="small"
                prefix="¥"
                inputMode="decimal"
                aria-label={t('payments.allocateTo', { item: c.itemName, period: c.period })}
                value={chosen.get(c.id)}
                onChange={(e) => setAmount(c.id, e.target.value)}
              />
            ) : null,
        },
      ]}
    />
  )
}
