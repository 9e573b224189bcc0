import { ThunderboltOutlined } from '@ant-design/icons'
import { Alert, Button, Card, DatePicker, Empty, Flex, Table } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { useCan } from '../../app/auth/me-context'
import { useCurrentProperty } from '../../app/property/property-context'
import { errorMessage } from '../../ui/errors'
import { LoadMore } from '../../ui/LoadMore'
import { formatFen } from '../../ui/money'
import { PageHeader } from '../../ui/PageHeader'
import { type Bill, useBills } from './api'
import { BillRunModal } from './components/BillRunModal'
import { ExportButton } from './components/ExportButton'

export function BillsPage() {
  const { t } = useTranslation()
  const can = useCan()
  const { propertyId } = useCurrentProperty()
  const [params, setParams] = useSearchParams()
  const [running, setRunning] = useState(false)
  const period = params.get('period') ?? undefined
  const bills = useBills(propertyId, period)
  const rows = bills.data?.pages.flatMap((p) => p.items) ?? []

  const setPeriod = (value: string | undefined) =>
    setParams(value ? { period: value } : {}, { replace: true })

  const columns: ColumnsType<Bill> = [
    { title: t('bill.number'), dataIndex: 'number', width: 190 },
    {
      title: t('billing.customer'),
      dataIndex: 'customerName',
      render: (name: string, row) => (
        <Link to={`/billing/customers/${row.customerId}`}>{name}</Link>
      ),
    },
    { title: t('billing.period'), dataIndex: 'period', width: 100 },
    { title: t('bill.total'), dataIndex: 'total', align: 'right', render: formatFen },
    { title: t('bill.paid'), dataIndex: 'paid', align: 'right', render: formatFen },
    { title: t('bill.open'), dataIndex: 'open', align: 'right', render: formatFen },
    { title: t('billing.dueDate'), dataIndex: 'dueDate', width: 120 },
  ]

  if (!propertyId) return <Empty description={t('property.none')} />

  return (
    <>
      <PageHeader
        title={t('bills.title')}
        extra={
          <>
            <ExportButton table="bills" query={{ propertyId, period }} />
            {can('billing.manage') && (
              <Button
                type="primary"
                icon={<ThunderboltOutlined />}
                onClick={() => setRunning(true)}
              >
                {t('bills.run')}
              </Button>
            )}
          </>
        }
      />
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <DatePicker
            picker="month"
            aria-label={t('billing.period')}
            placeholder={t('bills.allPeriods')}
            value={period ? dayjs(`${period}-01`) : null}
            onChange={(value) => setPeriod(value ? value.format('YYYY-MM') : undefined)}
          />
        </Flex>
        {bills.isError && (
          <Alert type="error" title={errorMessage(t, bills.error)} style={{ marginBottom: 16 }} />
        )}
        <Table<Bill>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={bills.isPending || (bills.isFetching && !bills.isFetchingNextPage)}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
        <LoadMore
          shown={rows.length}
          hasMore={bills.hasNextPage}
          loading={bills.isFetchingNextPage}
          onLoad={() => void bills.fetchNextPage()}
        />
      </Card>
      {running && (
        <BillRunModal
          propertyId={propertyId}
          initialPeriod={period}
          onClose={() => setRunning(false)}
          onShow={setPeriod}
        />
      )}
    </>
  )
}
