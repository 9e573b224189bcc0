import { PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Empty, Table, Tabs } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useUrlParams } from '../../ui/useUrlParams'
import { useCan } from '../../app/auth/me-context'
import { useCurrentProperty } from '../../app/property/property-context'
import { errorMessage } from '../../ui/errors'
import { LoadMore } from '../../ui/LoadMore'
import { formatFen } from '../../ui/money'
import { PageHeader } from '../../ui/PageHeader'
import { type Deposit, type DepositView, useDeposits } from './api'
import { DepositDrawer } from './components/DepositDrawer'
import { ExportButton } from './components/ExportButton'
import { ReceiveDepositModal } from './components/ReceiveDepositModal'

const VIEWS: DepositView[] = ['held', 'refunds_due', 'all']

/** 押金: deposits held, refunds now due, and all of them. */
export function DepositsPage() {
  const { t } = useTranslation()
  const can = useCan()
  const { propertyId } = useCurrentProperty()
  const [params, setParam] = useUrlParams()
  const [receiving, setReceiving] = useState(false)
  const view = VIEWS.find((v) => v === params.get('view')) ?? 'held'
  const opened = params.get('deposit') ?? undefined
  const deposits = useDeposits(propertyId, view)
  const rows = deposits.data?.pages.flatMap((p) => p.items) ?? []

  const columns: ColumnsType<Deposit> = [
    {
      title: t('billing.customer'),
      dataIndex: 'customerName',
      render: (name: string, d) => <Link to={`/billing/customers/${d.customerId}`}>{name}</Link>,
    },
    { title: t('deposit.unit'), dataIndex: 'unitNumber', render: (u: string | null) => u ?? '—' },
    {
      title: t('deposit.type'),
      dataIndex: 'type',
      render: (type: Deposit['type']) => t(`depositType.${type}`),
    },
    { title: t('deposit.received'), dataIndex: 'received', align: 'right', render: formatFen },
    { title: t('deposit.deducted'), dataIndex: 'deducted', align: 'right', render: formatFen },
    { title: t('deposit.refunded'), dataIndex: 'refunded', align: 'right', render: formatFen },
    {
      title: t('deposit.balance'),
      dataIndex: 'balance',
      align: 'right',
      render: (v: number) => <b>{formatFen(v)}</b>,
    },
    {
      title: t('deposit.refundDueOn'),
      dataIndex: 'refundDueOn',
      render: (d: string | null) => d ?? '—',
    },
    {
      title: t('common.actions'),
      key: 'open',
      render: (_, d) => (
        <Button size="small" onClick={() => setParam('deposit', d.id)}>
          {t('deposit.details')}
        </Button>
      ),
    },
  ]

  if (!propertyId) return <Empty description={t('property.none')} />

  return (
    <>
      <PageHeader
        title={t('deposits.title')}
        extra={
          <>
            <ExportButton
              table={view === 'refunds_due' ? 'refunds-due' : 'deposits'}
              query={{ propertyId }}
            />
            {can('billing.manage') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setReceiving(true)}>
                {t('deposits.receive')}
              </Button>
            )}
          </>
        }
      />
      <Card>
        <Tabs
          activeKey={view}
          onChange={(key) => setParam('view', key === 'held' ? undefined : key)}
          items={VIEWS.map((v) => ({ key: v, label: t(`deposits.view.${v}`) }))}
        />
        {deposits.isError && (
          <Alert
            type="error"
            title={errorMessage(t, deposits.error)}
            style={{ marginBottom: 16 }}
          />
        )}
        <Table<Deposit>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={deposits.isPending || (deposits.isFetching && !deposits.isFetchingNextPage)}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
        <LoadMore
          shown={rows.length}
          hasMore={deposits.hasNextPage}
          loading={deposits.isFetchingNextPage}
          onLoad={() => void deposits.fetchNextPage()}
        />
      </Card>
      {receiving && (
        <ReceiveDepositModal propertyId={propertyId} onClose={() => setReceiving(false)} />
      )}
      {opened && <DepositDrawer id={opened} onClose={() => setParam('deposit', undefined)} />}
    </>
  )
}
